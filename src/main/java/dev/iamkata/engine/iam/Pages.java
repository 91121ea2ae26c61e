package dev.iamkata.engine.iam;

import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.Entity;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * IAM's list pagination: at most {@code MaxItems} (default 100) items, {@code IsTruncated}, and an
 * opaque {@code Marker} naming the first item of the next page. The marker carries that item's sort
 * key rather than an offset, so a page boundary survives entities created or deleted between two
 * calls.
 */
final class Pages {
  static final int DEFAULT_MAX_ITEMS = 100;

  private Pages() {}

  /** One page of a list and where the next one starts. */
  record Page<T>(List<T> items, boolean truncated, String marker) {}

  /**
   * Cuts {@code all}, already in IAM's order, into the page that starts at {@code marker}.
   *
   * @param key each item's sort key; in a sorted list a marker whose item has gone resumes at the
   *     next greater key
   */
  /** The users, groups or roles under {@code pathPrefix} (all for null), a page of them by name. */
  static <E extends Entity> Page<E> underPath(
      Collection<E> entities, String pathPrefix, String marker, Integer maxItems) {
    String prefix = pathPrefix == null ? "/" : pathPrefix;
    List<E> matching = entities.stream().filter(e -> e.path.startsWith(prefix)).toList();
    return of(matching, e -> Account.key(e.name), marker, maxItems);
  }

  static <T> Page<T> of(List<T> all, Function<T, String> key, String marker, Integer maxItems) {
    int max = maxItems == null ? DEFAULT_MAX_ITEMS : maxItems;
    int from = marker == null ? 0 : start(all, key, decode(marker));
    int to = Math.min(all.size(), from + max);
    boolean truncated = to < all.size();
    String next = truncated ? encode(key.apply(all.get(to))) : null;
    return new Page<>(List.copyOf(all.subList(from, to)), truncated, next);
  }

  private static <T> int start(List<T> all, Function<T, String> key, String wanted) {
    for (int i = 0; i < all.size(); i++) {
      if (key.apply(all.get(i)).equals(wanted)) {
        return i;
      }
    }
    for (int i = 0; i < all.size(); i++) {
      if (key.apply(all.get(i)).compareTo(wanted) > 0) {
        return i;
      }
    }
    return all.size();
  }

  private static String encode(String key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(key));
  }

  private static String decode(String marker) {
    try {
      return new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notOurs) {
      return marker;
    }
  }

  private static byte[] bytes(String key) {
    return key.getBytes(StandardCharsets.UTF_8);
  }
}
