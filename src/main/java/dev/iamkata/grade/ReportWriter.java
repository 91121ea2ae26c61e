package dev.iamkata.grade;

/** Turns a report into one format's text. Pure: same report, same text. */
@FunctionalInterface
public interface ReportWriter {
  String render(GradeReport report);
}
