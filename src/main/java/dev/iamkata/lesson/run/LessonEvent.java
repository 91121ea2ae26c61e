package dev.iamkata.lesson.run;

import dev.iamkata.lesson.CommandResult;
import dev.iamkata.lesson.check.CheckResult;
import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.model.Step;
import dev.iamkata.lesson.model.Text;
import dev.iamkata.lesson.progress.StepStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a {@link LessonRunner} tells its {@link LessonListener}s, in order. The TUI, the shell, the
 * grader and workshops are views of these events.
 */
public sealed interface LessonEvent {

  /** Setup ran; the first {@link StepStarted} follows. */
  record LessonStarted(Lesson lesson) implements LessonEvent {}

  /** The learner is now on step {@code index} (also after a step reset). */
  record StepStarted(int index, Step step) implements LessonEvent {}

  /** A learner command ran (in the step {@code index}). */
  record CommandRan(int index, CommandResult result) implements LessonEvent {}

  /** The step's checks were evaluated. */
  record ChecksEvaluated(int index, List<CheckResult> results) implements LessonEvent {
    public ChecksEvaluated {
      results = List.copyOf(results);
    }

    public boolean allPassed() {
      return results.stream().allMatch(CheckResult::passed);
    }
  }

  /** Hint {@code number} (1-based) of step {@code index} was revealed. */
  record HintRevealed(int index, int number, Text hint) implements LessonEvent {}

  /** The lesson clock moved ({@code wait}). */
  record ClockAdvanced(int index, Duration by, Instant now) implements LessonEvent {}

  /** Step {@code index} is done: passed, or skipped (its solution ran for the learner). */
  record StepPassed(int index, Step step, boolean skipped) implements LessonEvent {}

  /** Step {@code index} was put back to the state it began with. */
  record StepReset(int index) implements LessonEvent {}

  /** Every step is done; each was re-checked so "done" means the same everywhere. */
  record LessonFinished(List<StepReport> steps) implements LessonEvent {
    public LessonFinished {
      steps = List.copyOf(steps);
    }

    /** Every step passed (not skipped) and every re-check passed. */
    public boolean allPassed() {
      return steps.stream().allMatch(s -> s.status() == StepStatus.PASSED && s.recheckPassed());
    }
  }

  /** One step at the end of a lesson: how it was done and its re-check. */
  record StepReport(Step step, StepStatus status, List<CheckResult> recheck) {
    public StepReport {
      recheck = List.copyOf(recheck);
    }

    /** Every re-check passed, or was skipped because the backend cannot verify it. */
    public boolean recheckPassed() {
      return recheck.stream().allMatch(LessonEvent::passedOrSkipped);
    }
  }

  /** A SKIPPED check ("cannot be verified on this backend") does not hold a step back. */
  static boolean passedOrSkipped(CheckResult r) {
    return r.passed() || r.status() == dev.iamkata.lesson.check.CheckStatus.SKIPPED;
  }
}
