package dev.iamkata.engine.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

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
      return condition.values().stream()
          .anyMatch(value -> Boolean.parseBoolean(value) == actual.isEmpty());
    }
    boolean variables = variablesEnabled && base.kind().variables();
    List<ResolvedText> expected = new ArrayList<>();
    for (String value : condition.values()) {
      Optional<ResolvedText> resolved = PolicyVariables.resolve(value, variables, context);
      if (resolved.isEmpty()) {
        return false;
      }
      expected.add(resolved.get());
    }
    if (actual.isEmpty()) {
      return whenMissing(operator);
    }
    Predicate<String> valueHolds =
        value -> base.negated() != expected.stream().anyMatch(e -> base.compare(e, value));
    return switch (operator.qualifier()) {
      case FOR_ALL_VALUES -> actual.stream().allMatch(valueHolds);
      case FOR_ANY_VALUE -> actual.stream().anyMatch(valueHolds);
      // Without a set operator, a negated test must hold for every value and a positive for one.
      case NONE ->
          base.negated()
              ? actual.stream().allMatch(valueHolds)
              : actual.stream().anyMatch(valueHolds);
    };
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
