package dev.iamkata.grade;

import java.time.Duration;
import java.util.Objects;

/**
 * The final result of one check of one step.
 *
 * @param kind the check kind: {@code learner-ran}, {@code probe}, {@code state} or {@code file}
 * @param description what the check asks, one line (e.g. {@code aws s3 ls --profile dev-user fails
 *     with AccessDenied})
 * @param status how it ended
 * @param expected what would have passed, as text; {@code null} when not applicable
 * @param actual what was seen, as text; {@code null} when nothing was seen
 * @param message the explanation for the learner, in the report's language; {@code null} for a pass
 *     without one
 * @param duration how long evaluating the check took (its last evaluation)
 * @param skipReason why the check was skipped; non-null exactly when {@code status} is {@link
 *     Status#SKIPPED}
 */
public record CheckReport(
    String kind,
    String description,
    Status status,
    String expected,
    String actual,
    String message,
    Duration duration,
    String skipReason) {

  public CheckReport {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(duration, "duration");
    if ((status == Status.SKIPPED) != (skipReason != null)) {
      throw new IllegalArgumentException("a skip reason goes with SKIPPED and only with it");
    }
  }
}
