package dev.iamkata.engine.policy;

/** A statement's {@code Effect}. */
public enum Effect {
  ALLOW("Allow"),
  DENY("Deny");

  private final String spelling;

  Effect(String spelling) {
    this.spelling = spelling;
  }

  /** The value as a policy must spell it: IAM's grammar is case-sensitive here. */
  public String spelling() {
    return spelling;
  }
}
