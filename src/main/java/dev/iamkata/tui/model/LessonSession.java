package dev.iamkata.tui.model;

import java.util.List;

/**
 * One lesson being done: the port between the lesson screen and the lesson runner. Every text is
 * already in the learner's language. Calls come from the UI thread only.
 */
public interface LessonSession {

  String lessonId();

  String title();

  List<StepView> steps();

  /** Index of the step the learner is on. */
  int current();

  /** The hints of step {@code index} revealed so far, in order. */
  List<String> revealedHints(int index);

  /** Reveals the next hint of the current step; false when all are shown. */
  boolean revealHint();

  /** The results of the checks after the learner's last command in the current step. */
  List<CheckView> lastChecks();

  /** Moves on once the current step passed; false when it has not. */
  boolean next();

  ClockView clock();

  /** True when every step is passed or skipped. */
  boolean finished();

  /** Per-step statistics for the finish screen. */
  List<StepStats> stats();
}
