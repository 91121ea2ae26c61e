package dev.iamkata.engine.state;

import java.time.Instant;

/** A long-term access key of an IAM user. */
public final class AccessKey {
  public String accessKeyId;
  public String secret;
  public String account;
  public String userName;
  public boolean active = true;
  public Instant createDate;
}
