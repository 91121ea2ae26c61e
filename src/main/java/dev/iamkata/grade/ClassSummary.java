package dev.iamkata.grade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A class's results for one lesson, one row per learner, as {@code summary.csv} (RFC 4180) and
 * {@code summary.json}. Pure.
 *
 * @param lessonId the lesson
 * @param generatedAt when the summary was made (the grader's clock)
 * @param rows one per learner, in file-name order
 */
public record ClassSummary(String lessonId, Instant generatedAt, List<Row> rows) {

  public ClassSummary {
    rows = List.copyOf(rows);
  }

  /**
   * One learner.
   *
   * @param learner the script's file name without extension
   * @param status the learner's result ({@code pass}, {@code fail}, ...), or {@code error} when the
   *     script could not be read
   * @param tally the counts of the learner's check results (all zero for an unreadable script)
   * @param durationMs how long grading took
   * @param report the learner's report file, relative to the summary; {@code null} when none
   * @param problem why the script could not be graded, or {@code null}
   */
  public record Row(
      String learner, String status, Tally tally, long durationMs, String report, String problem) {

    /** The row of a graded report. */
    static Row of(GradeReport r, String reportFile) {
      return new Row(
          r.learner(), r.status().id(), r.tally(), r.duration().toMillis(), reportFile, null);
    }

    /** Whether this learner passed (exit code 0 for them alone). */
    boolean passed() {
      return problem == null && tally.failed() == 0 && tally.errors() == 0 && tally.timeouts() == 0;
    }
  }

  static final String CSV_HEADER =
      "learner,lesson,passed,failed,errors,timeouts,skipped,score,duration_ms,status";

  public String csv() {
    StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
    for (Row r : rows) {
      Tally t = r.tally();
      out.append(
              String.join(
                  ",",
                  csvField(r.learner()),
                  csvField(lessonId),
                  String.valueOf(t.passed()),
                  String.valueOf(t.failed()),
                  String.valueOf(t.errors()),
                  String.valueOf(t.timeouts()),
                  String.valueOf(t.skipped()),
                  String.format(Locale.ROOT, "%.1f", t.score()),
                  String.valueOf(r.durationMs()),
                  csvField(r.status())))
          .append("\r\n");
    }
    return out.toString();
  }

  public String json() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("lesson", lessonId);
    root.put("generatedAt", generatedAt.toString());
    root.put("learners", rows.size());
    root.put("learnersPassed", rows.stream().filter(Row::passed).count());
    ArrayNode list = root.putArray("results");
    for (Row r : rows) {
      ObjectNode n = list.addObject();
      Tally t = r.tally();
      n.put("learner", r.learner());
      n.put("lesson", lessonId);
      n.put("status", r.status());
      n.put("passed", t.passed());
      n.put("failed", t.failed());
      n.put("errors", t.errors());
      n.put("timeouts", t.timeouts());
      n.put("skipped", t.skipped());
      n.put("score", t.score());
      n.put("durationMs", r.durationMs());
      n.put("report", r.report());
      n.put("problem", r.problem());
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
  static String csvField(String value) {
    if (value.matches("[^,\"\\r\\n]*")) {
      return value;
    }
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }
}
