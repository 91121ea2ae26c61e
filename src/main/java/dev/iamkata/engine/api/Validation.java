package dev.iamkata.engine.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects the constraint violations of one request and reports them the way AWS's query services
 * do: {@code 1 validation error detected: Value 'x y' at 'roleSessionName' failed to satisfy
 * constraint: Member must satisfy regular expression pattern: [\w+=,.@-]*}, several joined by
 * {@code "; "}. Constraints come from the services' published models (botocore).
 */
public final class Validation {
  private final List<String> errors = new ArrayList<>();

  /** Checks a string's length, when it is present. */
  public Validation length(String member, String value, int min, int max) {
    if (value != null && value.length() < min) {
      add(member, value, "Member must have length greater than or equal to " + min);
    } else if (value != null && value.length() > max) {
      add(member, value, "Member must have length less than or equal to " + max);
    }
    return this;
  }

  /** Checks a string against the model's pattern, when it is present. */
  public Validation pattern(String member, String value, Pattern pattern) {
    if (value != null && !pattern.matcher(value).matches()) {
      add(member, value, "Member must satisfy regular expression pattern: " + pattern.pattern());
    }
    return this;
  }

  /** Checks a number's range, when it is present. */
  public Validation range(String member, Integer value, int min, int max) {
    if (value != null && value < min) {
      add(member, String.valueOf(value), "Member must have value greater than or equal to " + min);
    } else if (value != null && value > max) {
      add(member, String.valueOf(value), "Member must have value less than or equal to " + max);
    }
    return this;
  }

  /** Checks a string against the model's enum, when it is present. */
  public Validation oneOf(String member, String value, java.util.List<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      add(
          member,
          value,
          "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
    }
    return this;
  }

  /** Records a violation of a constraint the other checks do not cover. */
  public Validation violation(String member, String value, String constraint) {
    add(member, value, constraint);
    return this;
  }

  /** Checks that a required member is present. */
  public Validation required(String member, Object value) {
    if (value == null) {
      errors.add(
          "Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
    }
    return this;
  }

  /** Throws {@code ValidationError} listing every violation found, if any. */
  public void check() {
    if (errors.isEmpty()) {
      return;
    }
    String head =
        errors.size() == 1
            ? "1 validation error detected: "
            : errors.size() + " validation errors detected: ";
    throw new AwsException(AwsError.VALIDATION_ERROR, head + String.join("; ", errors));
  }

  private void add(String member, String value, String constraint) {
    errors.add(
        "Value '" + value + "' at '" + member + "' failed to satisfy constraint: " + constraint);
  }
}
