package dev.iamkata.engine.clock;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the short durations learners type: {@code 90s}, {@code 15m}, {@code 1h}, {@code 1h30m},
 * {@code 2d}.
 */
public final class Durations {
  private static final Pattern WHOLE = Pattern.compile("(?:\\d+[dhms])+");
  private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");

  private Durations() {}

  /** The duration, or {@link IllegalArgumentException} with a message fit to show a user. */
  public static Duration parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
    if (!WHOLE.matcher(t).matches()) {
      throw new IllegalArgumentException(
          "not a duration: '" + text + "' (use forms like 90s, 15m, 1h, 1h30m, 2d)");
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(t);
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
              });
    }
    if (total.isZero()) {
      throw new IllegalArgumentException("the duration must be more than zero: '" + text + "'");
    }
    return total;
  }
}
