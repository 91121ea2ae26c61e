package dev.iamkata.lesson.model;

import java.time.Duration;
import java.util.List;

/**
 * One step of a lesson.
 *
 * @param id unique in the lesson, {@code [a-z0-9-]+}
 * @param title the title
 * @param body Markdown: why, then how
 * @param hints revealed one at a time, from a nudge to the nearly complete command
 * @param solution the reference command lines, exactly as a learner types them
 * @param clock the {@code wait} the learner may trigger in this step, or {@code null}
 * @param failFirst whether the checks must fail before the solution runs ({@code kata verify})
 * @param failFirstReason why they cannot, when {@code failFirst} is false; else {@code null}
 * @param checks all must pass for the step to be done
 */
public record Step(
    String id,
    Text title,
    Text body,
    List<Text> hints,
    List<String> solution,
    Duration clock,
    boolean failFirst,
    Text failFirstReason,
    List<Check> checks) {

  public Step {
    hints = List.copyOf(hints);
    solution = List.copyOf(solution);
    checks = List.copyOf(checks);
  }
}
