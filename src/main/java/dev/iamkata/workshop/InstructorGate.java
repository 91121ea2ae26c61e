package dev.iamkata.workshop;

import dev.iamkata.lesson.CommandResult;
import dev.iamkata.lesson.CommandRunner;
import dev.iamkata.lesson.Workspace;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The learner's command runner in a workshop, applying the instructor's actions before each line:
 * while paused, a line is not run (exit 1, with a message in English and Japanese); a reset or a
 * push to a step is told to the learner, who then types {@code reset lesson} or moves on (the
 * runner cannot be re-entered from inside one of its own commands).
 */
public final class InstructorGate implements CommandRunner {
  private final CommandRunner delegate;
  private final Supplier<String> actions;
  private boolean paused;

  /**
   * @param actions the next queued action, or null (e.g. {@link ProgressReporter#nextAction})
   */
  public InstructorGate(CommandRunner delegate, Supplier<String> actions) {
    this.delegate = delegate;
    this.actions = actions;
  }

  @Override
  public CommandResult run(String line, Workspace workspace) throws InterruptedException {
    StringBuilder notices = new StringBuilder();
    for (String a = actions.get(); a != null; a = actions.get()) {
      notices.append(apply(a));
    }
    if (paused) {
      return new CommandResult(
          line,
          1,
          "",
          notices
              + "the instructor has paused the workshop; wait a moment and try again\n"
              + "講師がワークショップを一時停止しています。少し待ってからもう一度試してください\n",
          Duration.ZERO,
          List.of());
    }
    CommandResult result = delegate.run(line, workspace);
    if (notices.length() == 0) {
      return result;
    }
    return new CommandResult(
        result.line(),
        result.exitCode(),
        result.stdout(),
        notices + result.stderr(),
        result.took(),
        result.awsCalls());
  }

  /** Whether the last pause has not been lifted. */
  public boolean paused() {
    return paused;
  }

  private String apply(String action) {
    if ("pause".equals(action)) {
      paused = true;
      return "";
    }
    if ("resume".equals(action)) {
      paused = false;
      return "the instructor resumed the workshop / 講師がワークショップを再開しました\n";
    }
    if ("reset".equals(action)) {
      return "the instructor reset your AWS accounts; type `reset lesson` to start again"
          + " / 講師があなたの AWS アカウントをリセットしました。`reset lesson` でやり直してください\n";
    }
    if (action.startsWith("step:")) {
      String n = action.substring("step:".length());
      return "the instructor asks the class to go to step "
          + n
          + " / 講師がステップ "
          + n
          + " へ進むよう求めています\n";
    }
    return "";
  }
}
