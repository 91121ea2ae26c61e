package dev.iamkata.engine.policy;

/**
 * The layers that take part in an authorization decision, named the way AWS names them in {@code
 * AccessDenied} messages.
 */
public enum PolicyType {
  IDENTITY("identity-based policy"),
  RESOURCE("resource-based policy"),
  BOUNDARY("permissions boundary"),
  SESSION("session policy");

  private final String description;

  PolicyType(String description) {
    this.description = description;
  }

  /** AWS's wording, for example {@code identity-based policy}. */
  public String description() {
    return description;
  }

  /** The indefinite article that goes before {@link #description()}: {@code an} or {@code a}. */
  public String article() {
    return "aeiou".indexOf(description.charAt(0)) >= 0 ? "an" : "a";
  }
}
