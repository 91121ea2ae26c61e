package dev.iamkata.engine.policy;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of an authorization decision and what decided it.
 *
 * @param outcome allowed, or denied explicitly or implicitly
 * @param decidingType for a denial, the layer that denied or lacked an allow; for an allow, the
 *     layer that granted
 * @param statements the statements that decided: the Deny statements for an explicit deny, the
 *     Allow statements the grant rests on for an allow, none for an implicit deny
 * @param identityAllowed whether the identity side allows: identity policies (root needs none), and
 *     the permissions boundary and session policies when they are in effect
 * @param resourceAllowed whether the resource-based policy has an Allow that names the caller
 */
public record Decision(
    Outcome outcome,
    PolicyType decidingType,
    List<MatchedStatement> statements,
    boolean identityAllowed,
    boolean resourceAllowed) {

  /** The three results of policy evaluation. */
  public enum Outcome {
    ALLOWED,
    EXPLICIT_DENY,
    IMPLICIT_DENY
  }

  public Decision {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(decidingType, "decidingType");
    statements = List.copyOf(statements);
  }

  public boolean allowed() {
    return outcome == Outcome.ALLOWED;
  }

  /**
   * The clause AWS appends to an {@code AccessDenied} message, for example {@code because no
   * identity-based policy allows the sts:AssumeRole action} or {@code with an explicit deny in a
   * resource-based policy}. Empty for an allowed request.
   */
  public String reason(String action) {
    return switch (outcome) {
      case ALLOWED -> "";
      case EXPLICIT_DENY ->
          "with an explicit deny in " + decidingType.article() + " " + decidingType.description();
      case IMPLICIT_DENY ->
          "because no " + decidingType.description() + " allows the " + action + " action";
    };
  }
}
