package dev.iamkata.grade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Exercism's test-runner {@code results.json}, version 3: one test per check, in lesson order,
 * {@code task_id} the step's index (from 1), {@code test_code} what the check asks.
 *
 * <p>Exercism knows three test statuses. PASS and FAIL map to {@code pass} and {@code fail}; ERROR,
 * TIMEOUT and SKIPPED all mean the check could not judge the answer, so they are {@code error}, and
 * the message says which one it was ({@code timed out: ...}, {@code skipped: ...}) so the
 * distinction survives. The top-level status is {@code error} only when no check could run at all
 * (every one ERROR or TIMEOUT), as the spec reserves it for "no test was executed".
 */
public final class ExercismWriter implements ReportWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public String render(GradeReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", 3);
    List<CheckReport> checks = report.checks();
    boolean noneRan =
        !checks.isEmpty()
            && checks.stream()
                .allMatch(c -> c.status() == Status.ERROR || c.status() == Status.TIMEOUT);
    String status;
    if (noneRan) {
      status = "error";
    } else if (checks.stream().allMatch(c -> c.status() == Status.PASS)) {
      status = "pass";
    } else {
      status = "fail";
    }
    root.put("status", status);
    if (noneRan) {
      root.put("message", GradeMessages.get(report.lang(), GradeMessages.Key.NO_CHECK_RAN));
    } else {
      root.putNull("message");
    }
    ArrayNode tests = root.putArray("tests");
    for (StepReport step : report.steps()) {
      for (CheckReport check : step.checks()) {
        test(tests.addObject(), step, check, report.lang());
      }
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void test(ObjectNode node, StepReport step, CheckReport check, String lang) {
    node.put("name", step.title() + ": " + check.description());
    node.put("status", status(check.status()));
    String message = message(check, lang);
    if (message == null) {
      node.putNull("message");
    } else {
      node.put("message", message);
    }
    node.put("test_code", check.kind() + ": " + check.description());
    node.put("task_id", step.index());
  }

  private static String status(Status status) {
    return switch (status) {
      case PASS -> "pass";
      case FAIL -> "fail";
      case ERROR, TIMEOUT, SKIPPED -> "error";
    };
  }

  private static String message(CheckReport check, String lang) {
    StringBuilder out = new StringBuilder();
    switch (check.status()) {
      case PASS -> {
        return null;
      }
      case TIMEOUT -> out.append(GradeMessages.get(lang, GradeMessages.Key.TIMED_OUT)).append(": ");
      case SKIPPED ->
          out.append(GradeMessages.get(lang, GradeMessages.Key.SKIPPED))
              .append(": ")
              .append(check.skipReason());
      case FAIL, ERROR -> {}
    }
    if (check.message() != null) {
      out.append(out.isEmpty() || check.status() == Status.TIMEOUT ? "" : " — ")
          .append(check.message());
    }
    if (check.expected() != null) {
      out.append('\n')
          .append(GradeMessages.get(lang, GradeMessages.Key.EXPECTED))
          .append(": ")
          .append(check.expected());
    }
    if (check.actual() != null) {
      out.append('\n')
          .append(GradeMessages.get(lang, GradeMessages.Key.ACTUAL))
          .append(": ")
          .append(check.actual());
    }
    return out.isEmpty() ? check.status().id() : out.toString();
  }
}
