package dev.iamkata.engine.policy;

import java.util.Base64;
import java.util.function.Predicate;

/**
 * The kinds of value condition operators compare: whether policy variables may appear in them, and
 * which spellings the parser accepts. AWS lists variables as supported for string, Boolean and ARN
 * operators only; elsewhere {@code ${...}} is literal text and fails the syntax check.
 */
enum ValueKind {
  STRING(true, Problem.SYNTAX, value -> true),
  NUMERIC(false, Problem.SYNTAX, value -> Comparisons.number(value).isPresent()),
  // moto's validator, built against live IAM, reports unreadable dates as a legacy-parse failure.
  DATE(false, Problem.LEGACY_PARSING, value -> DateValues.parse(value).isPresent()),
  BOOL(true, Problem.SYNTAX, value -> true),
  BINARY(false, Problem.SYNTAX, ValueKind::isBase64),
  IP(false, Problem.SYNTAX, value -> IpRange.parse(value).isPresent()),
  ARN(true, Problem.SYNTAX, value -> true),
  NULL(
      false,
      Problem.SYNTAX,
      value -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"));

  private final boolean variables;
  private final Problem invalidValue;
  private final Predicate<String> valid;

  ValueKind(boolean variables, Problem invalidValue, Predicate<String> valid) {
    this.variables = variables;
    this.invalidValue = invalidValue;
    this.valid = valid;
  }

  boolean variables() {
    return variables;
  }

  boolean valid(String policyValue) {
    return valid.test(policyValue);
  }

  Problem invalidValue() {
    return invalidValue;
  }

  private static boolean isBase64(String value) {
    try {
      Base64.getDecoder().decode(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
