package dev.iamkata.grade;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The final results of one step.
 *
 * @param index the step's position in the lesson, from 1
 * @param id the step's id ({@code steps[].id})
 * @param title the step's title in the report's language
 * @param reached whether the learner's script got to this step
 * @param passedAtLine the script line (from 1) whose command made the step pass; {@code null} when
 *     it did not pass
 * @param commands how many of the script's commands ran while this was the current step
 * @param duration the time spent in the step
 * @param checks the step's checks, in lesson order
 */
public record StepReport(
    int index,
    String id,
    String title,
    boolean reached,
    Integer passedAtLine,
    int commands,
    Duration duration,
    List<CheckReport> checks) {

  public StepReport {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(duration, "duration");
    checks = List.copyOf(checks);
    if (index < 1) {
      throw new IllegalArgumentException("step index starts at 1: " + index);
    }
  }

  /** The step's result, combined from its checks as {@link Status#combine} says. */
  public Status status() {
    return Status.combine(checks.stream().map(CheckReport::status).toList());
  }

  /** Counts of this step's check results. */
  public Tally tally() {
    return Tally.of(checks);
  }
}
