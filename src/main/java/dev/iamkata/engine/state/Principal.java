package dev.iamkata.engine.state;

import java.util.LinkedHashMap;
import java.util.Map;

/** A user or a role: entities that can carry a permissions boundary and tags. */
public abstract class Principal extends Entity {
  /** The ARN of the managed policy used as permissions boundary, or null. */
  public String permissionsBoundary;

  public Map<String, String> tags = new LinkedHashMap<>();
}
