package dev.iamkata.engine.policy;

import java.util.List;
import java.util.Objects;

/**
 * One test of a {@code Condition} block: an operator applied to one context key. The values are
 * alternatives, so a test holds when any of them matches (none of them, for negated operators).
 *
 * @param operator the parsed operator, for example {@code ForAnyValue:StringLikeIfExists}
 * @param key the context key, matched case-insensitively against the request
 * @param values the policy values as text; numbers and booleans keep their JSON spelling
 */
public record Condition(ConditionOperator operator, String key, List<String> values) {
  public Condition {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(key, "key");
    // An immutable copy that also keeps each value's readings (pattern, number, date...).
    values = PolicyValues.of(values);
  }
}
