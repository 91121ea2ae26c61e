package dev.iamkata.engine.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An instance profile: the container that hands a role to an EC2 instance. */
public final class InstanceProfile {
  public String name;
  public String path = "/";
  public String id;
  public String arn;
  public Instant createDate;
  public List<String> roles = new ArrayList<>();
}
