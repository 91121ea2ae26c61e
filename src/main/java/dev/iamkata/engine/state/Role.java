package dev.iamkata.engine.state;

/** An IAM role with its trust policy. */
public final class Role extends Principal {
  public String assumeRolePolicy;
  public String description;
  public int maxSessionDuration = 3600;
}
