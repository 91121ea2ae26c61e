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

  /** The session's own way of running a line. */
  @FunctionalInterface
  interface Line {
    CommandResult run(String line) throws InterruptedException;
  }
}
