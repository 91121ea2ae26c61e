package dev.iamkata.engine.iam;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * IAM tags on users and roles. Keys are compared without regard to case (IAM keeps one of {@code
 * Dept} and {@code dept}): a new tag replaces the old one, spelling included, in its place.
 */
final class Tags {
  static final int MAX_TAGS = 50;

  private Tags() {}

  /** The tags after applying {@code added} to {@code current}, within the quota. */
  static Map<String, String> merged(Map<String, String> current, List<Tag> added, String quota) {
    rejectDuplicates(added);
    Map<String, String> result = new LinkedHashMap<>();
    current.forEach(result::put);
    for (Tag tag : added) {
      String existing = keyIgnoringCase(result, tag.key());
      if (existing == null) {
        result.put(tag.key(), tag.value());
      } else {
        result = replaced(result, existing, tag);
      }
    }
    if (result.size() > MAX_TAGS) {
      throw IamContext.limitExceeded("Cannot exceed quota for " + quota + ": " + MAX_TAGS);
    }
    return result;
  }

  /** The tags without the given keys, compared without regard to case. */
  static Map<String, String> without(Map<String, String> current, List<String> keys) {
    Set<String> removed = new HashSet<>();
    keys.forEach(k -> removed.add(k.toLowerCase(Locale.ROOT)));
    Map<String, String> result = new LinkedHashMap<>();
    current.forEach(
        (k, v) -> {
          if (!removed.contains(k.toLowerCase(Locale.ROOT))) {
            result.put(k, v);
          }
        });
    return result;
  }

  /** Rejects a request naming one key twice. */
  static void rejectDuplicates(List<Tag> tags) {
    Set<String> seen = new HashSet<>();
    for (Tag tag : tags) {
      if (!seen.add(tag.key().toLowerCase(Locale.ROOT))) {
        throw new AwsException(
            AwsError.INVALID_INPUT,
            "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
      }
    }
  }

  private static String keyIgnoringCase(Map<String, String> tags, String key) {
    return tags.keySet().stream().filter(k -> k.equalsIgnoreCase(key)).findFirst().orElse(null);
  }

  private static Map<String, String> replaced(Map<String, String> tags, String old, Tag tag) {
    Map<String, String> result = new LinkedHashMap<>();
    tags.forEach(
        (k, v) -> {
          if (k.equals(old)) {
            result.put(tag.key(), tag.value());
          } else {
            result.put(k, v);
          }
        });
    return result;
  }
}
