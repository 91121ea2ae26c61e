package dev.iamkata.engine.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The condition operators IAM supports, as a table: each name maps to the kind of value it
 * compares, the positive comparison it performs and whether it negates that comparison. A negated
 * operator holds for a context value that matches none of the policy values.
 */
public enum BaseOperator {
  STRING_EQUALS("StringEquals", ValueKind.STRING, false, Comparisons::stringEquals),
  STRING_NOT_EQUALS("StringNotEquals", ValueKind.STRING, true, Comparisons::stringEquals),
  STRING_EQUALS_IGNORE_CASE(
      "StringEqualsIgnoreCase", ValueKind.STRING, false, Comparisons::stringEqualsIgnoreCase),
  STRING_NOT_EQUALS_IGNORE_CASE(
      "StringNotEqualsIgnoreCase", ValueKind.STRING, true, Comparisons::stringEqualsIgnoreCase),
  STRING_LIKE("StringLike", ValueKind.STRING, false, Comparisons::stringLike),
  STRING_NOT_LIKE("StringNotLike", ValueKind.STRING, true, Comparisons::stringLike),
  NUMERIC_EQUALS("NumericEquals", ValueKind.NUMERIC, false, Comparisons.numeric(c -> c == 0)),
  NUMERIC_NOT_EQUALS("NumericNotEquals", ValueKind.NUMERIC, true, Comparisons.numeric(c -> c == 0)),
  NUMERIC_LESS_THAN("NumericLessThan", ValueKind.NUMERIC, false, Comparisons.numeric(c -> c < 0)),
  NUMERIC_LESS_THAN_EQUALS(
      "NumericLessThanEquals", ValueKind.NUMERIC, false, Comparisons.numeric(c -> c <= 0)),
  NUMERIC_GREATER_THAN(
      "NumericGreaterThan", ValueKind.NUMERIC, false, Comparisons.numeric(c -> c > 0)),
  NUMERIC_GREATER_THAN_EQUALS(
      "NumericGreaterThanEquals", ValueKind.NUMERIC, false, Comparisons.numeric(c -> c >= 0)),
  DATE_EQUALS("DateEquals", ValueKind.DATE, false, Comparisons.date(c -> c == 0)),
  DATE_NOT_EQUALS("DateNotEquals", ValueKind.DATE, true, Comparisons.date(c -> c == 0)),
  DATE_LESS_THAN("DateLessThan", ValueKind.DATE, false, Comparisons.date(c -> c < 0)),
  DATE_LESS_THAN_EQUALS("DateLessThanEquals", ValueKind.DATE, false, Comparisons.date(c -> c <= 0)),
  DATE_GREATER_THAN("DateGreaterThan", ValueKind.DATE, false, Comparisons.date(c -> c > 0)),
  DATE_GREATER_THAN_EQUALS(
      "DateGreaterThanEquals", ValueKind.DATE, false, Comparisons.date(c -> c >= 0)),
  BOOL("Bool", ValueKind.BOOL, false, Comparisons::bool),
  BINARY_EQUALS("BinaryEquals", ValueKind.BINARY, false, Comparisons::binaryEquals),
  IP_ADDRESS("IpAddress", ValueKind.IP, false, Comparisons::ipAddress),
  NOT_IP_ADDRESS("NotIpAddress", ValueKind.IP, true, Comparisons::ipAddress),
  // The IAM docs define ArnEquals and ArnLike identically: segment by segment, with wildcards.
  ARN_EQUALS("ArnEquals", ValueKind.ARN, false, Comparisons::arnLike),
  ARN_LIKE("ArnLike", ValueKind.ARN, false, Comparisons::arnLike),
  ARN_NOT_EQUALS("ArnNotEquals", ValueKind.ARN, true, Comparisons::arnLike),
  ARN_NOT_LIKE("ArnNotLike", ValueKind.ARN, true, Comparisons::arnLike),
  /** Tests whether the key is absent ({@code true}) or present ({@code false}). */
  NULL("Null", ValueKind.NULL, false, (expected, actual) -> false);

  private final String operatorName;
  private final ValueKind kind;
  private final boolean negated;
  private final Comparison comparison;

  BaseOperator(String operatorName, ValueKind kind, boolean negated, Comparison comparison) {
    this.operatorName = operatorName;
    this.kind = kind;
    this.negated = negated;
    this.comparison = comparison;
  }

  /** The name as a policy spells it, for example {@code StringNotLike}. */
  public String operatorName() {
    return operatorName;
  }

  /** True for the operators that hold when the context value matches none of the policy values. */
  public boolean negated() {
    return negated;
  }

  ValueKind kind() {
    return kind;
  }

  boolean compare(ResolvedText expected, String actual) {
    return comparison.test(expected, actual);
  }

  static Optional<BaseOperator> named(String name) {
    return Arrays.stream(values()).filter(op -> op.operatorName.equals(name)).findFirst();
  }
}
