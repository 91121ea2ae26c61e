package dev.iamkata.engine.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the date forms IAM accepts in Date conditions and in {@code aws:CurrentTime}: epoch seconds
 * or ISO 8601 (a date, a local date-time taken as UTC, or a date-time with an offset).
 */
final class DateValues {
  private static final Pattern EPOCH = Pattern.compile("-?[0-9]{1,18}");
  private static final DateTimeFormatter OFFSET = lenient(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  private static final DateTimeFormatter LOCAL = lenient(DateTimeFormatter.ISO_LOCAL_DATE_TIME);

  private DateValues() {}

  static Optional<Instant> parse(String text) {
    if (EPOCH.matcher(text).matches()) {
      // Eighteen digits reach past the last instant Java can represent: such a date is unreadable.
      long seconds = Long.parseLong(text);
      boolean representable =
          seconds >= Instant.MIN.getEpochSecond() && seconds <= Instant.MAX.getEpochSecond();
      return representable ? Optional.of(Instant.ofEpochSecond(seconds)) : Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text, OFFSET).toInstant());
    } catch (DateTimeParseException notOffset) {
      // fall through to the forms without an offset
    }
    try {
      return Optional.of(LocalDateTime.parse(text, LOCAL).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException notLocal) {
      // fall through to a bare date
    }
    try {
      return Optional.of(LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException notDate) {
      return Optional.empty();
    }
  }

  // AWS accepts lower-case 't' and 'z'.
  private static DateTimeFormatter lenient(DateTimeFormatter base) {
    return new DateTimeFormatterBuilder().parseCaseInsensitive().append(base).toFormatter();
  }
}
