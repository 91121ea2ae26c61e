package dev.iamkata.tui.model;

import java.util.List;

/**
 * One step as the lesson screen shows it.
 *
 * @param id the step id
 * @param title the title in the learner's language
 * @param body the body (Markdown) in the learner's language, placeholders filled in
 * @param hintCount how many hints the step has
 * @param state where the learner stands
 * @param hasClock whether the step has a "wait" (the clock jumps in it)
 * @param unverifiable the step's checks the backend cannot verify, each as {@code what it checks:
 *     why} ("cannot be verified on this backend (NAME): ..."), known before the learner starts;
 *     they will be reported SKIPPED, never passed
 */
public record StepView(
    String id,
    String title,
    String body,
    int hintCount,
    StepState state,
    boolean hasClock,
    List<String> unverifiable) {

  public StepView {
    unverifiable = List.copyOf(unverifiable);
  }

  /** A step whose checks the backend can all verify. */
  public StepView(
      String id, String title, String body, int hintCount, StepState state, boolean hasClock) {
    this(id, title, body, hintCount, state, hasClock, List.of());
  }
}
