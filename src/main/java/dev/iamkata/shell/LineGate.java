package dev.iamkata.shell;

import dev.iamkata.lesson.CommandResult;

/**
 * Stands in front of every line a learner types in a {@link ShellSession}, between lines, where the
 * lesson runner may be driven (not from inside one of its own commands): a workshop applies the
 * instructor's actions here.
 */
@FunctionalInterface
public interface LineGate {
  /** Lets every line through. */
  LineGate OPEN = (line, next) -> next.run(line);

  /**
   * @param next runs the line as the session would without a gate
   * @return the line's result, or what to show instead when the line is not run
   */
  CommandResult run(String line, Line next) throws InterruptedException;

  /**
   * Called when the learner enters an empty line, which is not run: a gate may act then (a workshop
   * applies an instructor's action the learner was told of).
   *
   * @return what to show, or an empty string
   */
  default String idle() throws InterruptedException {
    return "";
  }

  /** The session's own way of running a line. */
  @FunctionalInterface
  interface Line {
    CommandResult run(String line) throws InterruptedException;
  }
}
