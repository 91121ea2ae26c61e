package dev.iamkata.engine.policy;

/** A statement's {@code Effect}. */
public enum Effect {
  ALLOW,
  DENY
}
