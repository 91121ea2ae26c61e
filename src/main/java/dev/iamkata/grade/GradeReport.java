package dev.iamkata.grade;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What grading one learner's script found: every step of the lesson with the final result of each
 * of its checks. Plain data; the writers turn it into the report formats.
 *
 * @param lessonId the lesson's id
 * @param lessonTitle the lesson's title in {@code lang}
 * @param lang the language of titles and messages: {@code en} or {@code ja}
 * @param backend the backend graded on: {@code embedded}, {@code localstack} or {@code external}
 * @param learner the learner's name (the script's file name without extension); {@code null} when
 *     unknown
 * @param script the script's file name as given; {@code null} when unknown
 * @param started when grading started (from the grader's clock)
 * @param finished when grading finished
 * @param steps every step of the lesson, in order, reached or not
 */
public record GradeReport(
    String lessonId,
    String lessonTitle,
    String lang,
    String backend,
    String learner,
    String script,
    Instant started,
    Instant finished,
    List<StepReport> steps) {

  public GradeReport {
    Objects.requireNonNull(lessonId, "lessonId");
    Objects.requireNonNull(lessonTitle, "lessonTitle");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(finished, "finished");
    steps = List.copyOf(steps);
  }

  public Duration duration() {
    return Duration.between(started, finished);
  }

  /** Every check of every step, in order. */
  public List<CheckReport> checks() {
    return steps.stream().flatMap(s -> s.checks().stream()).toList();
  }

  public Tally tally() {
    return Tally.of(checks());
  }

  /** The report's result, combined from all checks as {@link Status#combine} says. */
  public Status status() {
    return Status.combine(checks().stream().map(CheckReport::status).toList());
  }

  /** {@code 0} when nothing failed, errored or timed out; {@code 1} otherwise. */
  public int exitCode() {
    return checks().stream().anyMatch(c -> c.status().isProblem()) ? 1 : 0;
  }
}
