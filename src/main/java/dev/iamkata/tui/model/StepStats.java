package dev.iamkata.tui.model;

import java.time.Duration;

/**
 * How a step went, for the finish screen.
 *
 * @param title the step's title
 * @param state passed, skipped or not done
 * @param took time from the step's start to its pass, or null when not done
 * @param hintsUsed hints revealed
 * @param attempts learner commands run in the step
 */
public record StepStats(
    String title, StepState state, Duration took, int hintsUsed, int attempts) {}
