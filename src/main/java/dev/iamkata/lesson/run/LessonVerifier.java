package dev.iamkata.lesson.run;

import dev.iamkata.backend.Backend;
import dev.iamkata.lesson.CommandRunner;
import dev.iamkata.lesson.check.CheckResult;
import dev.iamkata.lesson.check.CheckStatus;
import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.model.Step;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Red-green verification of a lesson ({@code kata verify}): on a fresh backend, run setup; for each
 * step its checks must not all pass before its solution (unless {@code fail-first: false}) and must
 * all pass after it; when the last step is done, every step's re-check must pass.
 */
public final class LessonVerifier {
  private final Backend backend;
  private final CommandRunner commands;
  private final Path sandboxes;
  private final Clock clock;
  private RealWait realWait = RealWait.off();

  public LessonVerifier(Backend backend, CommandRunner commands, Path sandboxes, Clock clock) {
    this.backend = backend;
    this.commands = commands;
    this.sandboxes = sandboxes;
    this.clock = clock;
  }

  /** Allows real waits ({@code --real-wait}); off unless set. */
  public LessonVerifier realWait(RealWait wait) {
    this.realWait = wait;
    return this;
  }

  /** How one step verified. */
  public enum Outcome {
    OK,
    /** Its checks already passed before the solution ran. */
    NOT_RED,
    /** Its checks did not pass after the solution ran. */
    NOT_GREEN,
    /** Done, but its re-check at the end of the lesson failed. */
    RECHECK_FAILED,
    /** An earlier step failed, so this one was not tried. */
    NOT_REACHED,
    /**
     * Every check of the step was skipped: the backend cannot verify any of them (its solution
     * still ran, so later steps start from the right state).
     */
    SKIPPED
  }

  /** One step's verification, with the check results that decided it. */
  public record StepVerdict(
      Step step, Outcome outcome, List<CheckResult> before, List<CheckResult> after) {
    public StepVerdict {
      before = List.copyOf(before);
      after = List.copyOf(after);
    }
  }

  /**
   * One lesson's verification.
   *
   * @param error why the lesson could not run at all (setup), or null
   */
  public record LessonVerdict(Lesson lesson, List<StepVerdict> steps, String error, Duration took) {
    public LessonVerdict {
      steps = List.copyOf(steps);
    }

    public boolean ok() {
      return error == null
          && steps.stream()
              .allMatch(s -> s.outcome() == Outcome.OK || s.outcome() == Outcome.SKIPPED);
    }
  }

  public LessonVerdict verify(Lesson lesson) throws InterruptedException {
    Instant start = clock.instant();
    List<StepVerdict> steps = new ArrayList<>();
    List<LessonEvent.LessonFinished> finished = new ArrayList<>();
    try (LessonRunner runner =
        new LessonRunner(lesson, backend, commands, sandboxes.resolve(lesson.id()), null, clock)
            .realWait(realWait)) {
      runner.addListener(
          e -> {
            if (e instanceof LessonEvent.LessonFinished f) {
              finished.add(f);
            }
          });
      runner.start();
      for (Step step : lesson.steps()) {
        if (!steps.isEmpty() && !passedOn(steps.get(steps.size() - 1))) {
          steps.add(new StepVerdict(step, Outcome.NOT_REACHED, List.of(), List.of()));
          continue;
        }
        List<CheckResult> before = runner.evaluate();
        // a skipped check proves nothing either way: red and green are judged on the others
        boolean red =
            !step.failFirst()
                || !before.stream()
                    .filter(LessonVerifier::verifiable)
                    .allMatch(CheckResult::passed);
        for (String line : step.solution()) {
          runner.run(line);
        }
        List<CheckResult> after = runner.check();
        boolean green =
            after.stream().filter(LessonVerifier::verifiable).allMatch(CheckResult::passed);
        boolean allSkipped =
            !after.isEmpty() && after.stream().noneMatch(LessonVerifier::verifiable);
        steps.add(
            new StepVerdict(
                step,
                allSkipped
                    ? Outcome.SKIPPED
                    : !red ? Outcome.NOT_RED : green ? Outcome.OK : Outcome.NOT_GREEN,
                before,
                after));
      }
      if (!finished.isEmpty()) {
        List<LessonEvent.StepReport> reports = finished.get(0).steps();
        for (int i = 0; i < steps.size(); i++) {
          StepVerdict v = steps.get(i);
          if (v.outcome() == Outcome.OK && !reports.get(i).recheckPassed()) {
            steps.set(
                i,
                new StepVerdict(
                    v.step(), Outcome.RECHECK_FAILED, v.before(), reports.get(i).recheck()));
          }
        }
      }
      return new LessonVerdict(lesson, steps, null, Duration.between(start, clock.instant()));
    } catch (LessonException e) {
      return new LessonVerdict(
          lesson, steps, e.getMessage(), Duration.between(start, clock.instant()));
    }
  }

  private static boolean verifiable(CheckResult r) {
    return r.status() != CheckStatus.SKIPPED;
  }

  private static boolean passedOn(StepVerdict v) {
    return v.outcome() == Outcome.OK || v.outcome() == Outcome.SKIPPED;
  }
}
