package dev.iamkata.grade;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * JUnit XML as Ant, Maven Surefire and Jenkins write it: {@code <testsuites>} for the lesson, one
 * {@code <testsuite>} per step and one {@code <testcase>} per check with {@code classname} {@code
 * lesson.step}. A FAIL is a {@code <failure>} carrying expected and actual; ERROR and TIMEOUT are
 * both {@code <error>} (CI tools count them as errors) told apart by {@code type="error"} / {@code
 * type="timeout"}; SKIPPED is {@code <skipped message="reason"/>}.
 */
public final class JunitXmlWriter implements ReportWriter {
  // Ant's timestamp: local date-time without a zone; ours is always UTC.
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Override
  public String render(GradeReport report) {
    StringBuilder out = new StringBuilder();
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    Tally all = report.tally();
    out.append("<testsuites")
        .append(attr("name", report.lessonId()))
        .append(attr("tests", all.total()))
        .append(attr("failures", all.failed()))
        .append(attr("errors", all.errors() + all.timeouts()))
        .append(attr("time", seconds(report.duration())))
        .append(">\n");
    Instant stepStart = report.started();
    for (StepReport step : report.steps()) {
      suite(out, report, step, stepStart);
      stepStart = stepStart.plus(step.duration());
    }
    out.append("</testsuites>\n");
    return out.toString();
  }

  private static void suite(StringBuilder out, GradeReport report, StepReport step, Instant start) {
    Tally t = step.tally();
    String classname = report.lessonId() + "." + step.id();
    out.append("  <testsuite")
        .append(attr("name", classname))
        .append(attr("tests", t.total()))
        .append(attr("failures", t.failed()))
        .append(attr("errors", t.errors() + t.timeouts()))
        .append(attr("skipped", t.skipped()))
        .append(attr("time", seconds(step.duration())))
        .append(attr("timestamp", TIMESTAMP.format(start.truncatedTo(ChronoUnit.SECONDS))))
        .append(attr("id", step.index() - 1))
        .append(attr("package", report.lessonId()))
        .append(">\n");
    out.append("    <properties>\n");
    property(out, "lesson.title", report.lessonTitle());
    property(out, "step.title", step.title());
    property(out, "step.reached", String.valueOf(step.reached()));
    property(out, "lang", report.lang());
    property(out, "backend", report.backend());
    if (report.learner() != null) {
      property(out, "learner", report.learner());
    }
    out.append("    </properties>\n");
    int n = 0;
    for (CheckReport check : step.checks()) {
      testcase(out, classname, ++n, check, report.lang());
    }
    out.append("  </testsuite>\n");
  }

  private static void testcase(
      StringBuilder out, String classname, int n, CheckReport check, String lang) {
    out.append("    <testcase")
        .append(attr("name", "[" + n + "] " + check.kind() + ": " + check.description()))
        .append(attr("classname", classname))
        .append(attr("time", seconds(check.duration())));
    switch (check.status()) {
      case PASS -> out.append("/>\n");
      case SKIPPED ->
          out.append(">\n      <skipped")
              .append(attr("message", check.skipReason()))
              .append("/>\n    </testcase>\n");
      case FAIL -> problem(out, "failure", check, lang);
      case ERROR, TIMEOUT -> problem(out, "error", check, lang);
    }
  }

  private static void problem(StringBuilder out, String element, CheckReport check, String lang) {
    String message = check.message() != null ? check.message() : check.status().id();
    StringBuilder body = new StringBuilder();
    if (check.expected() != null) {
      body.append(GradeMessages.get(lang, GradeMessages.Key.EXPECTED))
          .append(": ")
          .append(check.expected())
          .append('\n');
    }
    if (check.actual() != null) {
      body.append(GradeMessages.get(lang, GradeMessages.Key.ACTUAL))
          .append(": ")
          .append(check.actual())
          .append('\n');
    }
    body.append(message).append('\n');
    out.append(">\n      <")
        .append(element)
        .append(attr("message", message))
        .append(attr("type", check.status().id()))
        .append('>')
        .append(Xml.text(body.toString()))
        .append("</")
        .append(element)
        .append(">\n    </testcase>\n");
  }

  private static void property(StringBuilder out, String name, String value) {
    out.append("      <property")
        .append(attr("name", name))
        .append(attr("value", value))
        .append("/>\n");
  }

  private static String attr(String name, Object value) {
    return " " + name + "=\"" + Xml.attribute(String.valueOf(value)) + "\"";
  }

  /** Seconds with millisecond precision, as Surefire writes {@code time}. */
  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
  }
}
