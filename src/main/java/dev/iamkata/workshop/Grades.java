package dev.iamkata.workshop;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.iamkata.grade.CheckReport;
import dev.iamkata.grade.ClassSummary;
import dev.iamkata.grade.GradeReport;
import dev.iamkata.grade.JsonReportWriter;
import dev.iamkata.grade.JunitXmlWriter;
import dev.iamkata.grade.Status;
import dev.iamkata.grade.StepReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The class's grades from what each learner's checks last said, through the grader's own report
 * writers: one {@link GradeReport} per learner (a step per step they reached, its checks as last
 * evaluated), then CSV ({@link ClassSummary}), JSON (an array of {@link JsonReportWriter} reports)
 * or JUnit XML (every learner's suites in one {@code <testsuites>}, named LEARNER/STEP).
 */
final class Grades {
  private Grades() {}

  static GradeReport report(LearnerState l) {
    List<StepReport> steps = new ArrayList<>();
    l.stepRecords.entrySet().stream()
        .sorted(Comparator.comparingInt(e -> e.getValue().index))
        .filter(e -> e.getValue().index >= 1)
        .forEach(
            e -> {
              LearnerState.StepRecord s = e.getValue();
              List<CheckReport> checks = new ArrayList<>();
              for (LearnerState.CheckLine c : s.checks) {
                Status status = Status.valueOf(c.status());
                checks.add(
                    new CheckReport(
                        c.kind(),
                        c.description(),
                        status,
                        c.expected(),
                        c.actual(),
                        status == Status.SKIPPED ? null : c.message(),
                        Duration.ofMillis(c.millis()),
                        status == Status.SKIPPED
                            ? (c.actual() != null ? c.actual() : "the backend cannot verify this")
                            : null));
              }
              steps.add(
                  new StepReport(
                      s.index,
                      e.getKey(),
                      s.title == null ? e.getKey() : s.title,
                      true,
                      null,
                      s.commands,
                      Duration.ZERO,
                      checks));
            });
    Instant started = l.joined;
    Instant finished = l.lastActivity == null ? started : l.lastActivity;
    return new GradeReport(
        l.lesson == null ? "none" : l.lesson,
        l.lesson == null ? "none" : l.lesson,
        "en",
        "workshop",
        l.name,
        null,
        started,
        finished,
        steps);
  }

  static String csv(List<LearnerState> learners, Instant now) {
    List<ClassSummary.Row> rows = new ArrayList<>();
    String lesson = null;
    for (LearnerState l : learners) {
      GradeReport r = report(l);
      lesson = lesson == null ? r.lessonId() : lesson;
      rows.add(
          new ClassSummary.Row(
              l.name, r.status().id(), r.tally(), r.duration().toMillis(), null, null));
    }
    return new ClassSummary(lesson == null ? "none" : lesson, now, rows).csv();
  }

  static String json(List<LearnerState> learners) {
    ArrayNode all = WorkshopStore.JSON.createArrayNode();
    JsonReportWriter writer = new JsonReportWriter();
    try {
      for (LearnerState l : learners) {
        all.add(WorkshopStore.JSON.readTree(writer.render(report(l))));
      }
      return WorkshopStore.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String junit(List<LearnerState> learners, String workshop) {
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<testsuites name=\"").append(xml(workshop)).append("\">\n");
    JunitXmlWriter writer = new JunitXmlWriter();
    for (LearnerState l : learners) {
      String one = writer.render(report(l));
      int open = one.indexOf('>', one.indexOf("<testsuites")) + 1;
      int close = one.lastIndexOf("</testsuites>");
      // learner names are letters, digits, space, '.', '_' and '-' (checked at join): no escaping
      out.append(
          one.substring(open, close)
              .replace("<testsuite name=\"", "<testsuite name=\"" + l.name + "/"));
    }
    return out.append("</testsuites>\n").toString();
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
  }
}
