package dev.iamkata.grade;

import java.util.Collection;

/**
 * Counts of check results, one per status.
 *
 * @param passed checks that passed
 * @param failed checks that failed
 * @param errors checks that could not run
 * @param timeouts checks that ran out of time
 * @param skipped checks the backend cannot verify
 */
public record Tally(int passed, int failed, int errors, int timeouts, int skipped) {

  /** The counts of {@code checks}. */
  public static Tally of(Collection<CheckReport> checks) {
    int[] n = new int[Status.values().length];
    checks.forEach(c -> n[c.status().ordinal()]++);
    return new Tally(
        n[Status.PASS.ordinal()],
        n[Status.FAIL.ordinal()],
        n[Status.ERROR.ordinal()],
        n[Status.TIMEOUT.ordinal()],
        n[Status.SKIPPED.ordinal()]);
  }

  public int total() {
    return passed + failed + errors + timeouts + skipped;
  }

  /** The count for one status. */
  public int count(Status status) {
    return switch (status) {
      case PASS -> passed;
      case FAIL -> failed;
      case ERROR -> errors;
      case TIMEOUT -> timeouts;
      case SKIPPED -> skipped;
    };
  }

  /**
   * The share of verifiable checks that passed, in percent with one decimal: passed / (total −
   * skipped). Skipped checks prove nothing, so they neither help nor hurt; with nothing verifiable
   * the score is 0.
   */
  public double score() {
    int judged = total() - skipped;
    return judged == 0 ? 0.0 : Math.round(passed * 1000.0 / judged) / 10.0;
  }
}
