package dev.iamkata.engine.policy;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * The values of one condition test: an immutable list of the values as written, which also keeps
 * each value as {@link ResolvedText}, so that its pattern, number, date or CIDR block is read once
 * per policy rather than once per request. It equals any list of the same strings, so a {@link
 * Condition} compares as before.
 */
final class PolicyValues extends AbstractList<String> implements RandomAccess {
  private final String[] values;

  /** Each value read as text without variables. Shared: never modified. */
  private final ResolvedText[] literal;

  /** Whether a value contains {@code ${}, which may be a variable to resolve per request. */
  private final boolean[] variable;

  private final boolean anyVariable;

  private PolicyValues(String[] values) {
    this.values = values;
    this.literal = new ResolvedText[values.length];
    this.variable = new boolean[values.length];
    boolean any = false;
    for (int i = 0; i < values.length; i++) {
      literal[i] = ResolvedText.of(values[i]);
      variable[i] = values[i].contains("${");
      any |= variable[i];
    }
    this.anyVariable = any;
  }

  static PolicyValues of(List<String> values) {
    if (values instanceof PolicyValues compiled) {
      return compiled;
    }
    String[] copy = values.toArray(new String[0]);
    for (String value : copy) {
      Objects.requireNonNull(value);
    }
    return new PolicyValues(copy);
  }

  /**
   * The values for this request: variables substituted when they are enabled.
   *
   * @return the values, or null when a variable names a key the request cannot fill; the array must
   *     not be modified
   */
  ResolvedText[] resolve(boolean variablesEnabled, RequestContext context) {
    if (!variablesEnabled || !anyVariable) {
      return literal;
    }
    ResolvedText[] resolved = new ResolvedText[values.length];
    for (int i = 0; i < values.length; i++) {
      if (!variable[i]) {
        resolved[i] = literal[i];
        continue;
      }
      Optional<ResolvedText> value = PolicyVariables.resolve(values[i], true, context);
      if (value.isEmpty()) {
        return null;
      }
      resolved[i] = value.get();
    }
    return resolved;
  }

  @Override
  public String get(int index) {
    return values[index];
  }

  @Override
  public int size() {
    return values.length;
  }
}
