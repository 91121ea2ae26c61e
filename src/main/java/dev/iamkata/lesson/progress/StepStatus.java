package dev.iamkata.lesson.progress;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a learner is with one step. */
public enum StepStatus {
  NOT_STARTED,
  IN_PROGRESS,
  PASSED,
  /** The learner let {@code skip} run the solution: not passed. */
  SKIPPED;

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
