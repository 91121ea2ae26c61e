package dev.iamkata.tui.model;

/**
 * One step as the lesson screen shows it.
 *
 * @param id the step id
 * @param title the title in the learner's language
 * @param body the body (Markdown) in the learner's language, placeholders filled in
 * @param hintCount how many hints the step has
 * @param state where the learner stands
 * @param hasClock whether the step has a "wait" (the clock jumps in it)
 */
public record StepView(
    String id, String title, String body, int hintCount, StepState state, boolean hasClock) {}
