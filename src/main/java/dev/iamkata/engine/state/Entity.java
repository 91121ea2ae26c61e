package dev.iamkata.engine.state;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What users, groups and roles share: a name, a path, a unique ID, an ARN, inline and attached
 * policies. Mutable on purpose: it lives inside {@link EngineState}, whose lock guards every
 * access.
 */
public abstract class Entity {
  public String name;
  public String path = "/";
  public String id;
  public String arn;
  public Instant createDate;

  /** Inline policy name to its JSON document, in creation order as IAM lists them. */
  public Map<String, String> inlinePolicies = new LinkedHashMap<>();

  /** Managed policy ARNs, in attachment order. */
  public Set<String> attachedPolicies = new LinkedHashSet<>();
}
