package dev.iamkata.grade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/**
 * TAP version 14: a plan of one test point per step, each step a subtest (4 spaces in, announced by
 * {@code # Subtest: id}) with one test point per check. FAIL, ERROR and TIMEOUT are {@code not ok}
 * with a YAML diagnostics block ({@code ---} ... {@code ...}, two spaces further in) whose {@code
 * status} says which; SKIPPED is {@code ok N - ... # SKIP reason}.
 */
public final class TapWriter implements ReportWriter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUB = "    ";

  @Override
  public String render(GradeReport report) {
    StringBuilder out = new StringBuilder("TAP version 14\n");
    out.append("1..").append(report.steps().size()).append('\n');
    out.append("# ")
        .append(oneLine(report.lessonId() + ": " + report.lessonTitle()))
        .append(" (")
        .append(report.lang())
        .append(", ")
        .append(report.backend())
        .append(")\n");
    for (StepReport step : report.steps()) {
      step(out, step, report.lang());
    }
    Tally t = report.tally();
    out.append("# ")
        .append(
            GradeMessages.get(
                report.lang(),
                GradeMessages.Key.SUMMARY,
                t.passed(),
                t.failed(),
                t.errors(),
                t.timeouts(),
                t.skipped()))
        .append('\n');
    return out.toString();
  }

  private static void step(StringBuilder out, StepReport step, String lang) {
    out.append("# Subtest: ").append(oneLine(step.id())).append('\n');
    out.append(SUB).append("1..").append(step.checks().size());
    if (step.checks().isEmpty()) {
      out.append(" # SKIP no checks");
    }
    out.append('\n');
    int n = 0;
    for (CheckReport check : step.checks()) {
      point(out, SUB, ++n, check.kind() + ": " + check.description(), check.status());
      if (check.status() == Status.SKIPPED) {
        out.append(" # SKIP ").append(escape(check.skipReason()));
      }
      out.append('\n');
      if (check.status().isProblem()) {
        diagnostics(out, SUB + "  ", check, lang);
      }
    }
    Status status = step.status();
    point(out, "", step.index(), step.id() + " - " + step.title(), status);
    if (status == Status.SKIPPED) {
      out.append(" # SKIP ").append(escape(step.checks().get(0).skipReason()));
    }
    out.append('\n');
    if (status.isProblem()) {
      out.append("  ---\n");
      yaml(out, "  ", "status", status.id());
      out.append("  reached: ").append(step.reached()).append('\n');
      out.append("  ...\n");
    }
  }

  private static void point(StringBuilder out, String indent, int n, String desc, Status status) {
    out.append(indent)
        .append(status.isProblem() ? "not ok " : "ok ")
        .append(n)
        .append(" - ")
        .append(escape(desc));
  }

  private static void diagnostics(StringBuilder out, String indent, CheckReport check, String l) {
    out.append(indent).append("---\n");
    yaml(out, indent, "status", check.status().id());
    yaml(out, indent, "kind", check.kind());
    if (check.message() != null) {
      yaml(out, indent, "message", check.message());
    }
    if (check.expected() != null) {
      yaml(out, indent, "expected", check.expected());
    }
    if (check.actual() != null) {
      yaml(out, indent, "actual", check.actual());
    }
    out.append(indent).append("duration_ms: ").append(check.duration().toMillis()).append('\n');
    out.append(indent).append("...\n");
  }

  /** One {@code key: "value"} line; a JSON string is a valid YAML double-quoted scalar. */
  private static void yaml(StringBuilder out, String indent, String key, String value) {
    try {
      out.append(indent).append(key).append(": ").append(JSON.writeValueAsString(value));
      out.append('\n');
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A description on one line, with TAP's escapes: {@code \\} and {@code \#}. */
  static String escape(String text) {
    return oneLine(text).replace("\\", "\\\\").replace("#", "\\#");
  }

  private static String oneLine(String text) {
    return text.replaceAll("[\\r\\n]+", " ");
  }
}
