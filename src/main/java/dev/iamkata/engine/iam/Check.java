package dev.iamkata.engine.iam;

import dev.iamkata.engine.api.Validation;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The request constraints of IAM's published model (botocore {@code iam/2010-05-08}), reported as
 * AWS does: {@code 1 validation error detected: Value 'x' at 'roleName' failed to satisfy
 * constraint: Member must satisfy regular expression pattern: [\w+=,.@-]+}, several joined by
 * {@code "; "} in member order. The message format is the shared {@link Validation}'s; this class
 * adds IAM's named constraints.
 */
final class Check {
  static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
  static final Pattern PATH = Pattern.compile("(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
  static final Pattern PATH_PREFIX = Pattern.compile("\\u002F[\\u0021-\\u007F]*");
  static final Pattern POLICY_PATH = Pattern.compile("((/[A-Za-z0-9\\.,\\+@=_-]+)*)/");
  static final Pattern DOCUMENT = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
  static final Pattern ROLE_DESCRIPTION =
      Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*");
  static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
  static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
  static final Pattern ACCESS_KEY_ID = Pattern.compile("[\\w]+");
  static final Pattern VERSION_ID = Pattern.compile("v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?");
  static final Pattern MARKER = Pattern.compile("[\\u0020-\\u00FF]+");

  /** Role and user names ({@code roleNameType}, {@code userNameType}). */
  static final int SHORT_NAME = 64;

  /** Group, policy, instance profile and existing user names. */
  static final int LONG_NAME = 128;

  private final Validation validation = new Validation();

  static Check request() {
    return new Check();
  }

  Check required(String member, Object value) {
    validation.required(member, value);
    return this;
  }

  Check length(String member, String value, int min, int max) {
    validation.length(member, value, min, max);
    return this;
  }

  Check pattern(String member, String value, Pattern pattern) {
    validation.pattern(member, value, pattern);
    return this;
  }

  Check range(String member, Integer value, int min, int max) {
    validation.range(member, value, min, max);
    return this;
  }

  Check oneOf(String member, String value, List<String> allowed) {
    validation.oneOf(member, value, allowed);
    return this;
  }

  /** A required IAM name: {@code [\w+=,.@-]+} of 1 to {@code max} characters. */
  Check name(String member, String value, int max) {
    return required(member, value).optionalName(member, value, max);
  }

  Check optionalName(String member, String value, int max) {
    return length(member, value, 1, max).pattern(member, value, NAME);
  }

  /** An entity path ({@code pathType}). */
  Check path(String member, String value) {
    return length(member, value, 1, 512).pattern(member, value, PATH);
  }

  /** A list filter's path prefix ({@code pathPrefixType}). */
  Check pathPrefix(String member, String value) {
    return length(member, value, 1, 512).pattern(member, value, PATH_PREFIX);
  }

  /** A managed policy's path or path prefix ({@code policyPathType}). */
  Check policyPath(String member, String value) {
    return length(member, value, 1, 512).pattern(member, value, POLICY_PATH);
  }

  /** A required policy document ({@code policyDocumentType}). */
  Check document(String member, String value) {
    return required(member, value)
        .length(member, value, 1, 131072)
        .pattern(member, value, DOCUMENT);
  }

  /** An ARN ({@code arnType}), optional unless {@code required} is also called. */
  Check arn(String member, String value) {
    return length(member, value, 20, 2048);
  }

  Check paging(String marker, Integer maxItems) {
    return length("marker", marker, 1, 320)
        .pattern("marker", marker, MARKER)
        .range("maxItems", maxItems, 1, 1000);
  }

  /** A tag list ({@code tagListType}): at most 50 tags, each with a valid key and value. */
  Check tags(List<Tag> tags) {
    if (tags == null) {
      return this;
    }
    if (tags.size() > 50) {
      validation.violation(
          "tags", tags.toString(), "Member must have length less than or equal to 50");
    }
    for (int i = 0; i < tags.size(); i++) {
      Tag tag = tags.get(i);
      String prefix = "tags." + (i + 1) + ".member.";
      required(prefix + "key", tag.key())
          .length(prefix + "key", tag.key(), 1, 128)
          .pattern(prefix + "key", tag.key(), TAG_KEY);
      required(prefix + "value", tag.value())
          .length(prefix + "value", tag.value(), 0, 256)
          .pattern(prefix + "value", tag.value(), TAG_VALUE);
    }
    return this;
  }

  /** A required list of tag keys ({@code tagKeyListType}). */
  Check tagKeys(List<String> keys) {
    required("tagKeys", keys);
    if (keys == null) {
      return this;
    }
    if (keys.size() > 50) {
      validation.violation(
          "tagKeys", keys.toString(), "Member must have length less than or equal to 50");
    }
    for (int i = 0; i < keys.size(); i++) {
      String member = "tagKeys." + (i + 1) + ".member";
      length(member, keys.get(i), 1, 128).pattern(member, keys.get(i), TAG_KEY);
    }
    return this;
  }

  /** Throws {@code ValidationError} listing every violation found, if any. */
  void done() {
    validation.check();
  }
}
