package dev.iamkata.engine.policy;

import java.util.List;
import java.util.Objects;

/**
 * A parsed, validated policy document.
 *
 * @param version the {@code Version} element, or null when the document has none
 * @param statements the statements in document order
 * @param json the document exactly as it was submitted, which IAM hands back unchanged
 */
public record Policy(String version, List<Statement> statements, String json) {
  /** The policy language version that enables policy variables. */
  public static final String CURRENT_VERSION = "2012-10-17";

  public Policy {
    statements = List.copyOf(statements);
    Objects.requireNonNull(json, "json");
  }

  /** True when {@code ${...}} in Resource and Condition values are variables, not literal text. */
  public boolean variablesEnabled() {
    return CURRENT_VERSION.equals(version);
  }
}
