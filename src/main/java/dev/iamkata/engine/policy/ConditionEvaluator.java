package dev.iamkata.engine.policy;

import java.util.List;

/**
 * Decides one condition test against a request, following the IAM reference pages on condition
 * operators and on multivalued context keys:
 *
 * <ul>
 *   <li>a key the request lacks fails a positive operator and passes a negated one; {@code
 *       IfExists} passes it; {@code ForAllValues} passes it and {@code ForAnyValue} fails it;
 *   <li>for each context value, a positive operator needs a policy value that matches and a negated
 *       one needs none to match; {@code ForAllValues} needs that of every context value, {@code
 *       ForAnyValue} of at least one;
 *   <li>{@code Null} tests only whether the key is absent.
 * </ul>
 *
 * A policy variable the request cannot fill makes the test fail, whatever the operator, so an
 * unresolvable value never widens what a statement allows.
 */
final class ConditionEvaluator {
  private ConditionEvaluator() {}

  static boolean holds(Condition condition, RequestContext context, boolean variablesEnabled) {
    List<String> actual = context.values(condition.key());
    ConditionOperator operator = condition.operator();
    BaseOperator base = operator.base();
    if (base == BaseOperator.NULL) {
      for (String value : condition.values()) {
        if (Boolean.parseBoolean(value) == actual.isEmpty()) {
          return true;
        }
      }
      return false;
    }
    boolean variables = variablesEnabled && base.kind().variables();
    // Condition always holds its values as PolicyValues: its constructor makes them so.
    ResolvedText[] expected = ((PolicyValues) condition.values()).resolve(variables, context);
    if (expected == null) {
      return false;
    }
    if (actual.isEmpty()) {
      return whenMissing(operator);
    }
    return switch (operator.qualifier()) {
      case FOR_ALL_VALUES -> all(actual, base, expected);
      case FOR_ANY_VALUE -> any(actual, base, expected);
      // Without a set operator, a negated test must hold for every value and a positive for one.
      case NONE -> base.negated() ? all(actual, base, expected) : any(actual, base, expected);
    };
  }

  private static boolean all(List<String> actual, BaseOperator base, ResolvedText[] expected) {
    for (int i = 0; i < actual.size(); i++) {
      if (!valueHolds(actual.get(i), base, expected)) {
        return false;
      }
    }
    return true;
  }

  private static boolean any(List<String> actual, BaseOperator base, ResolvedText[] expected) {
    for (int i = 0; i < actual.size(); i++) {
      if (valueHolds(actual.get(i), base, expected)) {
        return true;
      }
    }
    return false;
  }

  /** A positive operator needs a policy value that matches; a negated one needs none to. */
  private static boolean valueHolds(String value, BaseOperator base, ResolvedText[] expected) {
    boolean matched = false;
    for (ResolvedText candidate : expected) {
      if (base.compare(candidate, value)) {
        matched = true;
        break;
      }
    }
    return base.negated() != matched;
  }

  private static boolean whenMissing(ConditionOperator operator) {
    if (operator.ifExists()) {
      return true;
    }
    return switch (operator.qualifier()) {
      case FOR_ALL_VALUES -> true;
      case FOR_ANY_VALUE -> false;
      case NONE -> operator.base().negated();
    };
  }
}
