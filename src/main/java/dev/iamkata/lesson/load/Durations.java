package dev.iamkata.lesson.load;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as lessons write them: {@code 90s}, {@code 15m}, {@code 1h}, {@code 1h30m}, {@code 2d}.
 */
public final class Durations {
  private static final Pattern FORM =
      Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  private Durations() {}

  /** The duration, or null when {@code text} is not one (or is zero). */
  public static Duration parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.trim());
    if (text == null || text.isBlank() || !m.matches()) {
      return null;
    }
    Duration d =
        Duration.ofDays(part(m, 1))
            .plusHours(part(m, 2))
            .plusMinutes(part(m, 3))
            .plusSeconds(part(m, 4));
    return d.isZero() ? null : d;
  }

  private static long part(Matcher m, int group) {
    return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
  }

  /** The expected form, for messages. */
  public static final String EXPECTED = "expected a duration such as 90s, 15m, 1h or 1h30m";
}
