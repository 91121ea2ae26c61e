package dev.iamkata.engine.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Substitutes policy variables: {@code ${key}} takes the single value of a context key, {@code
 * ${key, 'default'}} falls back to the quoted default, and {@code ${*}}, {@code ${?}} and {@code
 * ${$}} stand for the literal characters. Only Version 2012-10-17 documents have variables.
 */
final class PolicyVariables {
  private PolicyVariables() {}

  /**
   * @return the resolved text, or empty when a variable names a key the request lacks (or holds
   *     several values for) and gives no default: such an element matches nothing
   */
  static Optional<ResolvedText> resolve(String text, boolean enabled, RequestContext context) {
    if (!enabled || !text.contains("${")) {
      return Optional.of(ResolvedText.of(text));
    }
    List<ResolvedText.Piece> pieces = new ArrayList<>();
    int from = 0;
    while (from < text.length()) {
      int start = text.indexOf("${", from);
      int end = start < 0 ? -1 : text.indexOf('}', start + 2);
      if (end < 0) {
        // No further complete variable: the rest, including any unclosed "${", is plain text.
        pieces.add(new ResolvedText.Piece(text.substring(from), false));
        break;
      }
      pieces.add(new ResolvedText.Piece(text.substring(from, start), false));
      Optional<String> value = value(text.substring(start + 2, end), context);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      pieces.add(new ResolvedText.Piece(value.get(), true));
      from = end + 1;
    }
    return Optional.of(new ResolvedText(pieces));
  }

  private static Optional<String> value(String variable, RequestContext context) {
    if (variable.equals("*") || variable.equals("?") || variable.equals("$")) {
      return Optional.of(variable);
    }
    int comma = variable.indexOf(',');
    String key = (comma < 0 ? variable : variable.substring(0, comma)).trim();
    List<String> values = context.values(key);
    if (values.size() == 1) {
      return Optional.of(values.get(0));
    }
    if (comma < 0) {
      return Optional.empty();
    }
    String fallback = variable.substring(comma + 1).trim();
    boolean quoted = fallback.length() >= 2 && fallback.startsWith("'") && fallback.endsWith("'");
    return quoted ? Optional.of(fallback.substring(1, fallback.length() - 1)) : Optional.empty();
  }
}
