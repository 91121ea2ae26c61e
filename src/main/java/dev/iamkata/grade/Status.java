package dev.iamkata.grade;

import java.util.Collection;

/**
 * How one check ended. The five results stay distinct in every report format: a check that could
 * not run ({@link #ERROR}) or ran out of time ({@link #TIMEOUT}) is not a wrong answer ({@link
 * #FAIL}), and one the backend cannot verify ({@link #SKIPPED}) is not a pass.
 */
public enum Status {
  /** The check held. */
  PASS,
  /** The check ran and did not hold: the learner's answer is not (yet) right. */
  FAIL,
  /** The check itself could not run (a probe that could not start, a broken query). */
  ERROR,
  /** The check did not finish within its time limit. */
  TIMEOUT,
  /** The backend cannot verify this check; it proves nothing either way. */
  SKIPPED;

  /** Whether this result makes the grade unsuccessful (exit code 1). */
  public boolean isProblem() {
    return this == FAIL || this == ERROR || this == TIMEOUT;
  }

  /** The lower-case name used in JSON, TAP diagnostics and summaries. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The result of a group of checks (a step, a report): ERROR, else TIMEOUT, else FAIL when any
   * check has it; SKIPPED when every check was skipped; PASS otherwise (an empty group included). A
   * check that could not run outranks a wrong answer because the answer was then never judged.
   */
  public static Status combine(Collection<Status> statuses) {
    for (Status worst : new Status[] {ERROR, TIMEOUT, FAIL}) {
      if (statuses.contains(worst)) {
        return worst;
      }
    }
    if (!statuses.isEmpty() && statuses.stream().allMatch(s -> s == SKIPPED)) {
      return SKIPPED;
    }
    return PASS;
  }
}
