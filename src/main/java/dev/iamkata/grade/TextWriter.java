package dev.iamkata.grade;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A human summary: the lesson, each step with a mark, each check with its result, and for the ones
 * that did not pass what was expected, what happened and why. Colours (ANSI) only when asked for;
 * the command asks only for a terminal without {@code NO_COLOR}.
 */
public final class TextWriter implements ReportWriter {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  // Escape sequences and control characters in learners' command output: never passed through,
  // so only our own colours (and only when asked) reach the terminal.
  private static final java.util.regex.Pattern CONTROL =
      java.util.regex.Pattern.compile("\u001b\\[[0-9;?]*[ -/]*[@-~]|[\\p{Cntrl}&&[^\n\t]]");
  private static final Map<Status, String> LABEL = new EnumMap<>(Status.class);
  private static final Map<Status, String> COLOUR = new EnumMap<>(Status.class);
  private static final Map<Status, String> MARK = new EnumMap<>(Status.class);

  static {
    label(Status.PASS, "PASS", "\u001b[32m", "✔");
    label(Status.FAIL, "FAIL", "\u001b[31m", "✘");
    label(Status.ERROR, "ERROR", "\u001b[35m", "!");
    label(Status.TIMEOUT, "TIMEOUT", "\u001b[33m", "⏱");
    label(Status.SKIPPED, "SKIP", "\u001b[36m", "-");
  }

  private final boolean color;

  public TextWriter(boolean color) {
    this.color = color;
  }

  private static void label(Status s, String label, String colour, String mark) {
    LABEL.put(s, label);
    COLOUR.put(s, colour);
    MARK.put(s, mark);
  }

  @Override
  public String render(GradeReport report) {
    String lang = report.lang();
    StringBuilder out = new StringBuilder();
    out.append(paint(BOLD, report.lessonId() + " — " + report.lessonTitle()))
        .append("  (")
        .append(report.learner() != null ? report.learner() + ", " : "")
        .append(lang)
        .append(", ")
        .append(report.backend())
        .append(")\n");
    for (StepReport step : report.steps()) {
      Status s = step.status();
      out.append("  ")
          .append(paint(COLOUR.get(s), MARK.get(s)))
          .append(' ')
          .append(step.index())
          .append(". ")
          .append(step.id())
          .append(" — ")
          .append(step.title())
          .append('\n');
      for (CheckReport check : step.checks()) {
        check(out, check, lang);
      }
    }
    Tally t = report.tally();
    Status overall = report.status();
    out.append(GradeMessages.get(lang, GradeMessages.Key.RESULT))
        .append(": ")
        .append(paint(COLOUR.get(overall), LABEL.get(overall)))
        .append(" — ")
        .append(
            GradeMessages.get(
                lang,
                GradeMessages.Key.SUMMARY,
                t.passed(),
                t.failed(),
                t.errors(),
                t.timeouts(),
                t.skipped()))
        .append(" · ")
        .append(GradeMessages.get(lang, GradeMessages.Key.SCORE))
        .append(' ')
        .append(String.format(Locale.ROOT, "%.1f%%", t.score()))
        .append(" · ")
        .append(JunitXmlWriter.seconds(report.duration()))
        .append(" s\n");
    return out.toString();
  }

  private void check(StringBuilder out, CheckReport check, String lang) {
    Status s = check.status();
    String label = String.format(Locale.ROOT, "%-7s", LABEL.get(s));
    out.append("      ")
        .append(paint(COLOUR.get(s), label))
        .append(' ')
        .append(check.kind())
        .append(": ")
        .append(check.description())
        .append('\n');
    String pad = "              ";
    if (s == Status.SKIPPED) {
      out.append(pad).append(check.skipReason()).append('\n');
      return;
    }
    if (!s.isProblem()) {
      return;
    }
    if (check.expected() != null) {
      out.append(pad)
          .append(GradeMessages.get(lang, GradeMessages.Key.EXPECTED))
          .append(": ")
          .append(check.expected())
          .append('\n');
    }
    if (check.actual() != null) {
      out.append(pad)
          .append(GradeMessages.get(lang, GradeMessages.Key.ACTUAL))
          .append(": ")
          .append(clean(check.actual()).replace("\n", "\n" + pad))
          .append('\n');
    }
    if (check.message() != null) {
      out.append(pad).append(clean(check.message()).replace("\n", "\n" + pad)).append('\n');
    }
  }

  private static String clean(String text) {
    return CONTROL.matcher(text).replaceAll("");
  }

  private String paint(String code, String text) {
    return color ? code + text + RESET : text;
  }
}
