package dev.iamkata.engine.state;

import java.util.LinkedHashSet;
import java.util.Set;

/** An IAM user. */
public final class User extends Principal {
  /** Names of the groups the user belongs to, in the order they were joined. */
  public Set<String> groups = new LinkedHashSet<>();
}
