package dev.iamkata.engine.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * The positive comparisons behind {@link BaseOperator}. A context value that cannot be read as the
 * operator's type never matches, so a positive operator fails and a negated one holds. The policy
 * side is read through {@link ResolvedText}, which keeps its readings.
 */
final class Comparisons {
  private static final int ARN_PARTS = 6;

  private Comparisons() {}

  static boolean stringEquals(ResolvedText expected, String actual) {
    return expected.text().equals(actual);
  }

  static boolean stringEqualsIgnoreCase(ResolvedText expected, String actual) {
    return expected.text().equalsIgnoreCase(actual);
  }

  static boolean stringLike(ResolvedText expected, String actual) {
    return expected.glob().matches(actual, false);
  }

  static Comparison numeric(IntPredicate onOrder) {
    return (expected, actual) -> {
      Optional<BigDecimal> a = number(actual);
      Optional<BigDecimal> e = a.isPresent() ? expected.number() : Optional.empty();
      return e.isPresent() && onOrder.test(a.get().compareTo(e.get()));
    };
  }

  static Comparison date(IntPredicate onOrder) {
    return (expected, actual) -> {
      Optional<Instant> a = DateValues.parse(actual);
      Optional<Instant> e = a.isPresent() ? expected.date() : Optional.empty();
      return e.isPresent() && onOrder.test(a.get().compareTo(e.get()));
    };
  }

  static boolean bool(ResolvedText expected, String actual) {
    boolean isBool = actual.equalsIgnoreCase("true") || actual.equalsIgnoreCase("false");
    return isBool && expected.text().equalsIgnoreCase(actual);
  }

  static boolean binaryEquals(ResolvedText expected, String actual) {
    Optional<byte[]> e = expected.bytes();
    if (e.isEmpty()) {
      return false;
    }
    try {
      return Arrays.equals(e.get(), Base64.getDecoder().decode(actual));
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }

  static boolean ipAddress(ResolvedText expected, String actual) {
    return expected.ipRange().map(range -> range.contains(actual)).orElse(false);
  }

  /**
   * ArnLike as the IAM docs define it: the six colon-separated parts are compared one by one, each
   * with its own wildcards, so a wildcard never reaches into a neighbouring part.
   */
  static boolean arnLike(ResolvedText expected, String actual) {
    List<Glob> parts = expected.arnParts();
    String[] actualParts = actual.split(":", ARN_PARTS);
    if (parts.size() != ARN_PARTS || actualParts.length != ARN_PARTS) {
      return false;
    }
    for (int i = 0; i < ARN_PARTS; i++) {
      if (!parts.get(i).matches(actualParts[i], false)) {
        return false;
      }
    }
    return true;
  }

  static Optional<BigDecimal> number(String text) {
    try {
      return Optional.of(new BigDecimal(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
