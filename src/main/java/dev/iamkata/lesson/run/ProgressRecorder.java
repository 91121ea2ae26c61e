package dev.iamkata.lesson.run;

import dev.iamkata.lesson.progress.Progress;
import dev.iamkata.lesson.progress.ProgressStore;
import dev.iamkata.lesson.progress.StepStatus;
import java.io.IOException;
import java.time.Clock;
import java.util.function.UnaryOperator;

/** Writes a runner's progress into a {@link ProgressStore}; without a store it does nothing. */
final class ProgressRecorder {
  private final ProgressStore store;
  private final String lessonId;
  private final Clock clock;

  ProgressRecorder(ProgressStore store, String lessonId, Clock clock) {
    this.store = store;
    this.lessonId = lessonId;
    this.clock = clock;
  }

  void lessonStarted() throws LessonException {
    lesson(l -> l.started(clock.instant()));
  }

  void lessonFinished() throws LessonException {
    lesson(l -> l.finished(clock.instant()));
  }

  void stepStarted(String step) throws LessonException {
    step(
        step,
        s ->
            s.status() == StepStatus.PASSED || s.status() == StepStatus.SKIPPED
                ? s
                : new Progress.Step(
                    StepStatus.IN_PROGRESS,
                    s.started() == null ? clock.instant() : s.started(),
                    null,
                    s.attempts(),
                    s.hintsUsed()));
  }

  void attempt(String step) throws LessonException {
    step(
        step,
        s ->
            new Progress.Step(
                s.status(), s.started(), s.finished(), s.attempts() + 1, s.hintsUsed()));
  }

  void hint(String step) throws LessonException {
    step(
        step,
        s ->
            new Progress.Step(
                s.status(), s.started(), s.finished(), s.attempts(), s.hintsUsed() + 1));
  }

  void done(String step, boolean skipped) throws LessonException {
    step(
        step,
        s ->
            new Progress.Step(
                skipped ? StepStatus.SKIPPED : StepStatus.PASSED,
                s.started(),
                clock.instant(),
                s.attempts(),
                s.hintsUsed()));
  }

  private void step(String step, UnaryOperator<Progress.Step> change) throws LessonException {
    lesson(l -> l.with(step, change.apply(l.step(step))));
  }

  private void lesson(UnaryOperator<Progress.Lesson> change) throws LessonException {
    if (store == null) {
      return;
    }
    try {
      store.update(p -> p.with(lessonId, change.apply(p.lesson(lessonId))));
    } catch (IOException e) {
      throw new LessonException(
          "cannot record progress in " + store.file() + ": " + e.getMessage(), e);
    }
  }
}
