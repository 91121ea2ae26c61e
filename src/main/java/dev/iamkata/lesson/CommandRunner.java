package dev.iamkata.lesson;

/**
 * The one way a command line is run for a learner: the interactive shell, the grader, the verifier
 * and workshops all go through it, so "what the learner typed" means the same everywhere. An
 * implementation interprets one logical line (continuations and heredocs already joined) in the
 * learner's {@link Workspace}, and may change it ({@code export}, files written, {@code cd}).
 */
public interface CommandRunner {

  /**
   * Runs {@code line} as the learner would type it. Never throws for a failing command: a failure
   * is a non-zero exit code with the message on stderr, exactly as a terminal would show it.
   */
  CommandResult run(String line, Workspace workspace) throws InterruptedException;
}
