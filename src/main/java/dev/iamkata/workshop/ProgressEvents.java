package dev.iamkata.workshop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Progress events as a learner's client sends them ({@code POST /api/events}), applied to the
 * learner's state; and the learner's row as the dashboard shows it. Pure functions of their
 * arguments.
 *
 * <p>An event: {@code {"type": "started|step|command|checks|hint|passed|finished", "lesson", "step"
 * (from 1), "steps", "stepId", "stepTitle", "exitCode", "error", "skipped", "checks":
 * [{"kind","description","status","expected","actual","message","millis"}]}}.
 */
final class ProgressEvents {
  static final Set<String> TYPES =
      Set.of("started", "step", "command", "checks", "hint", "passed", "finished");
  private static final Set<String> STATUSES = Set.of("PASS", "FAIL", "ERROR", "TIMEOUT", "SKIPPED");
  private static final int MAX_TEXT = 2000;

  private ProgressEvents() {}

  static void apply(LearnerState l, JsonNode e, Instant now) throws WorkshopException {
    String type = e.path("type").asText();
    if (!TYPES.contains(type)) {
      throw new WorkshopException(400, "unknown event type '" + clip(type) + "'");
    }
    l.lastActivity = now;
    if (e.hasNonNull("lesson")) {
      l.lesson = clip(e.path("lesson").asText());
    }
    if (e.has("steps")) {
      l.steps = e.path("steps").asInt();
    }
    if (e.has("step")) {
      l.step = e.path("step").asInt();
    }
    if (e.hasNonNull("stepId")) {
      l.stepId = clip(e.path("stepId").asText());
    }
    LearnerState.StepRecord record = null;
    if (l.stepId != null) {
      record = l.stepRecords.computeIfAbsent(l.stepId, k -> new LearnerState.StepRecord());
      record.index = l.step;
      if (e.hasNonNull("stepTitle")) {
        record.title = clip(e.path("stepTitle").asText());
      }
    }
    switch (type) {
      case "started" -> {
        l.finished = false;
        l.stepRecords.clear();
        l.checksPassed = 0;
        l.checksFailed = 0;
      }
      case "step" -> {
        l.checksPassed = 0;
        l.checksFailed = 0;
      }
      case "command" -> {
        if (record != null) {
          record.commands++;
        }
        if (e.path("exitCode").asInt() != 0 && e.hasNonNull("error")) {
          l.lastError = clip(e.path("error").asText());
        }
      }
      case "checks" -> checks(l, record, e.path("checks"));
      case "hint" -> l.hintsUsed++;
      case "passed" -> {
        if (record != null) {
          record.skipped = e.path("skipped").asBoolean();
          record.passed = !record.skipped;
        }
      }
      case "finished" -> l.finished = true;
      default -> throw new IllegalStateException(type);
    }
  }

  private static void checks(LearnerState l, LearnerState.StepRecord record, JsonNode checks)
      throws WorkshopException {
    if (record == null) {
      throw new WorkshopException(400, "a checks event needs stepId");
    }
    List<LearnerState.CheckLine> lines = new ArrayList<>();
    int passed = 0;
    int failed = 0;
    for (JsonNode c : checks) {
      String status = c.path("status").asText();
      if (!STATUSES.contains(status)) {
        throw new WorkshopException(400, "unknown check status '" + clip(status) + "'");
      }
      LearnerState.CheckLine line =
          new LearnerState.CheckLine(
              clip(c.path("kind").asText()),
              clip(c.path("description").asText()),
              status,
              text(c, "expected"),
              text(c, "actual"),
              text(c, "message"),
              c.path("millis").asLong());
      lines.add(line);
      if ("PASS".equals(status)) {
        passed++;
      } else if (!"SKIPPED".equals(status)) {
        failed++;
        if (line.message() != null) {
          l.lastError = line.message();
        }
      }
    }
    record.checks = lines;
    l.checksPassed = passed;
    l.checksFailed = failed;
  }

  /** The learner's row: no token, no keys. */
  static ObjectNode row(LearnerState l, Instant now) {
    ObjectNode row = WorkshopStore.JSON.createObjectNode();
    row.put("id", l.id);
    row.put("name", l.name);
    row.put("lesson", l.lesson);
    row.put("step", l.step);
    row.put("steps", l.steps);
    row.put("stepId", l.stepId);
    row.put("checksPassed", l.checksPassed);
    row.put("checksFailed", l.checksFailed);
    row.put("hintsUsed", l.hintsUsed);
    row.put("lastError", l.lastError);
    row.put("lastActivity", l.lastActivity == null ? null : l.lastActivity.toString());
    row.put(
        "idleSeconds",
        l.lastActivity == null
            ? 0
            : Math.max(0, Duration.between(l.lastActivity, now).toSeconds()));
    row.put("finished", l.finished);
    row.put("paused", l.paused);
    row.put("account", l.account);
    return row;
  }

  private static String text(JsonNode c, String field) {
    return c.hasNonNull(field) ? clip(c.path(field).asText()) : null;
  }

  private static String clip(String s) {
    return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "…";
  }
}
