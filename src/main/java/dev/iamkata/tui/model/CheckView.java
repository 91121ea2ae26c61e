package dev.iamkata.tui.model;

/**
 * One check's result after a learner command.
 *
 * @param description what the check looks for, in the learner's language
 * @param outcome the result
 * @param explanation for anything but a pass: what was expected and what happened, in the learner's
 *     language; empty for a pass
 */
public record CheckView(String description, CheckOutcome outcome, String explanation) {}
