package dev.iamkata.tui.model;

/** Where a step stands for the learner. */
public enum StepState {
  TODO,
  CURRENT,
  PASSED,
  SKIPPED
}
