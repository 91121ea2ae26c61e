package dev.iamkata.lesson.check;

import dev.iamkata.lesson.model.Check;
import dev.iamkata.lesson.model.Text;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Evaluates checks: SKIPPED when the backend lacks a capability the check requires, TIMEOUT when it
 * does not finish within its limit (30 s unless the check says otherwise), ERROR when it cannot
 * run, else PASS or FAIL with expected/actual texts.
 */
public final class CheckEvaluator {
  /** A check's time limit when its {@code expect} gives none. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private static final ExecutorService POOL =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "kata-check");
            t.setDaemon(true);
            return t;
          });

  private final Clock clock;

  /**
   * @param clock measures how long checks take (real time: time limits are real)
   */
  public CheckEvaluator(Clock clock) {
    this.clock = clock;
  }

  public List<CheckResult> evaluateAll(List<Check> checks, CheckContext ctx)
      throws InterruptedException {
    List<CheckResult> out = new ArrayList<>();
    for (Check c : checks) {
      out.add(evaluate(c, ctx));
    }
    return out;
  }

  public CheckResult evaluate(Check check, CheckContext ctx) throws InterruptedException {
    Instant start = clock.instant();
    java.util.Optional<String> missing =
        CheckNeeds.missing(check, ctx.capabilities(), ctx.realWaitAllowed());
    if (missing.isPresent()) {
      return result(
          check,
          CheckStatus.SKIPPED,
          null,
          Messages.text("skipped.capability", ctx.backendName(), missing.get()),
          start);
    }
    Duration limit =
        check.expect().timeout() == null ? ctx.defaultTimeout() : check.expect().timeout();
    Future<Verdict> f = POOL.submit(() -> run(check, ctx));
    try {
      Verdict v = f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
      return new CheckResult(
          check,
          v.pass() ? CheckStatus.PASS : CheckStatus.FAIL,
          v.expected(),
          v.actual(),
          v.pass() || check.explain() == null ? null : check.explain().with(ctx.placeholders()),
          Duration.between(start, clock.instant()));
    } catch (TimeoutException e) {
      f.cancel(true);
      return result(
          check, CheckStatus.TIMEOUT, null, Messages.text("timeout.check", human(limit)), start);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String why =
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      return result(check, CheckStatus.ERROR, null, Messages.text("error.check", why), start);
    } catch (InterruptedException e) {
      f.cancel(true);
      throw e;
    }
  }

  private static Verdict run(Check check, CheckContext ctx) throws Exception {
    Check.Spec spec = check.spec();
    if (spec instanceof Check.Spec.LearnerRan r) {
      return LearnerRanCheck.evaluate(r, check.expect(), ctx);
    }
    if (spec instanceof Check.Spec.Probe p) {
      return ProbeCheck.evaluate(p, check.expect(), ctx);
    }
    if (spec instanceof Check.Spec.State s) {
      return StateCheck.evaluate(s.question(), ctx);
    }
    return FileCheck.evaluate((Check.Spec.FileCheck) spec, check.expect(), ctx);
  }

  private CheckResult result(
      Check check, CheckStatus status, Text expected, Text actual, Instant start) {
    return new CheckResult(
        check, status, expected, actual, null, Duration.between(start, clock.instant()));
  }

  private static String human(Duration d) {
    return d.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}
