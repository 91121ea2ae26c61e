package dev.iamkata.grade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * The report as JSON, in the stable schema {@code docs/grade-report.schema.json} (version {@value
 * #SCHEMA_VERSION}). Keys come in a fixed order and absent values are {@code null}, never missing,
 * so tools can rely on every key being there.
 */
public final class JsonReportWriter implements ReportWriter {
  /** Bumped when a key is removed or changes meaning; adding keys keeps it. */
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public String render(GradeReport report) {
    try {
      return JSON.writeValueAsString(tree(report)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The report as a JSON tree, for writers that embed it (the class summary). */
  public static ObjectNode tree(GradeReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    ObjectNode lesson = root.putObject("lesson");
    lesson.put("id", report.lessonId());
    lesson.put("title", report.lessonTitle());
    root.put("lang", report.lang());
    root.put("backend", report.backend());
    root.put("learner", report.learner());
    root.put("script", report.script());
    root.put("startedAt", report.started().toString());
    root.put("finishedAt", report.finished().toString());
    root.put("durationMs", report.duration().toMillis());
    root.put("status", report.status().id());
    root.put("exitCode", report.exitCode());
    summary(root.putObject("summary"), report);
    ArrayNode steps = root.putArray("steps");
    report.steps().forEach(step -> step(steps.addObject(), step));
    return root;
  }

  private static void summary(ObjectNode node, GradeReport report) {
    Tally t = report.tally();
    node.put("steps", report.steps().size());
    node.put("stepsPassed", report.steps().stream().filter(s -> s.status() == Status.PASS).count());
    node.put("checks", t.total());
    node.put("passed", t.passed());
    node.put("failed", t.failed());
    node.put("errors", t.errors());
    node.put("timeouts", t.timeouts());
    node.put("skipped", t.skipped());
    node.put("score", t.score());
  }

  private static void step(ObjectNode node, StepReport step) {
    node.put("index", step.index());
    node.put("id", step.id());
    node.put("title", step.title());
    node.put("status", step.status().id());
    node.put("reached", step.reached());
    node.put("passedAtLine", step.passedAtLine());
    node.put("commands", step.commands());
    node.put("durationMs", step.duration().toMillis());
    ArrayNode checks = node.putArray("checks");
    int n = 0;
    for (CheckReport check : step.checks()) {
      check(checks.addObject(), ++n, check);
    }
  }

  private static void check(ObjectNode node, int index, CheckReport check) {
    node.put("index", index);
    node.put("kind", check.kind());
    node.put("description", check.description());
    node.put("status", check.status().id());
    node.put("expected", check.expected());
    node.put("actual", check.actual());
    node.put("message", check.message());
    node.put("durationMs", check.duration().toMillis());
    node.put("skipReason", check.skipReason());
  }
}
