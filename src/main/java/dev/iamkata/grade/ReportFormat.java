package dev.iamkata.grade;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The report formats {@code kata grade --format} offers, with their writers and file names. */
public enum ReportFormat {
  JUNIT("junit", "xml"),
  JSON("json", "json"),
  TAP("tap", "tap"),
  EXERCISM("exercism", "json"),
  TEXT("text", "txt");

  private final String id;
  private final String extension;

  ReportFormat(String id, String extension) {
    this.id = id;
    this.extension = extension;
  }

  public String id() {
    return id;
  }

  /** The file extension of a report in this format, without the dot. */
  public String extension() {
    return extension;
  }

  /** The writer; {@code color} matters only for {@link #TEXT}. */
  public ReportWriter writer(boolean color) {
    return switch (this) {
      case JUNIT -> new JunitXmlWriter();
      case JSON -> new JsonReportWriter();
      case TAP -> new TapWriter();
      case EXERCISM -> new ExercismWriter();
      case TEXT -> new TextWriter(color);
    };
  }

  /** The format named {@code id} ({@code junit}, {@code json}, ...), case-insensitive. */
  public static Optional<ReportFormat> byId(String id) {
    return Arrays.stream(values())
        .filter(f -> f.id.equals(id.toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  /** {@code junit|json|tap|exercism|text}, for messages. */
  public static String choices() {
    return Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining("|"));
  }
}
