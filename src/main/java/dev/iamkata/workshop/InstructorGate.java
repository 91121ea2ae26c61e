package dev.iamkata.workshop;

import dev.iamkata.lesson.CommandResult;
import dev.iamkata.lesson.run.LessonException;
import dev.iamkata.lesson.run.LessonRunner;
import dev.iamkata.shell.LineGate;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The instructor's actions, applied on the learner's client before each line they type (between
 * lines, where the lesson runner may be driven): {@code reset} starts the lesson again from step 1,
 * {@code step:N} brings the learner to step N (earlier steps done by their solutions, recorded as
 * skipped), and while paused no line runs. After a reset or a jump the line typed is not run: it
 * was meant for the step the learner was on. Messages are in English and Japanese.
 */
public final class InstructorGate implements LineGate {
  private static final String PAUSED =
      "the instructor has paused the workshop; wait a moment and try again\n"
          + "講師がワークショップを一時停止しています。少し待ってからもう一度試してください\n";

  private final LessonRunner runner;
  private final Supplier<List<String>> actions;
  private boolean paused;

  /**
   * @param actions every action waiting now, oldest first (e.g. {@link
   *     ProgressReporter#takeActions})
   */
  public InstructorGate(LessonRunner runner, Supplier<List<String>> actions) {
    this.runner = runner;
    this.actions = actions;
  }

  @Override
  public CommandResult run(String line, Line next) throws InterruptedException {
    StringBuilder notices = new StringBuilder();
    boolean moved = applyWaiting(notices);
    if (paused) {
      return refused(line, notices + PAUSED);
    }
    if (moved) {
      return refused(
          line,
          notices
              + "(not run: `"
              + line.strip()
              + "` was typed for the step you were on / 移動前のステップ向けの行なので実行していません)\n");
    }
    CommandResult result = next.run(line);
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

  /** Applies the waiting actions on an empty line: the learner pressed Enter after a notice. */
  @Override
  public String idle() throws InterruptedException {
    StringBuilder notices = new StringBuilder();
    applyWaiting(notices);
    return paused ? notices + PAUSED : notices.toString();
  }

  /** Applies every action waiting now, oldest first; true when the lesson moved. */
  private boolean applyWaiting(StringBuilder notices) throws InterruptedException {
    boolean moved = false;
    for (String a : actions.get()) {
      moved |= apply(a, notices);
    }
    return moved;
  }

  /**
   * What to tell an idle learner of actions that have just arrived, before they are applied (at the
   * next line, or when the learner presses Enter).
   */
  public static String announce(List<String> actions) {
    StringBuilder out = new StringBuilder();
    for (String a : actions) {
      if ("pause".equals(a)) {
        out.append("the instructor has paused the workshop / 講師がワークショップを一時停止しました\n");
      } else if ("resume".equals(a)) {
        out.append("the instructor resumed the workshop; go on / 講師がワークショップを再開しました\n");
      } else if ("reset".equals(a)) {
        out.append(
            "the instructor reset your AWS accounts; press Enter to start again from step 1"
                + " / 講師がアカウントをリセットしました。Enter でステップ 1 からやり直します\n");
      } else if (a.startsWith("step:")) {
        String n = a.substring("step:".length());
        out.append("the instructor moved the class to step ")
            .append(n)
            .append("; press Enter to go there / 講師がクラスをステップ ")
            .append(n)
            .append(" へ移動しました。Enter で移動します\n");
      }
    }
    return out.toString();
  }

  /** Whether the last pause has not been lifted. */
  public boolean paused() {
    return paused;
  }

  /** Applies one action, saying what happened; true when the lesson moved. */
  private boolean apply(String action, StringBuilder notices) throws InterruptedException {
    if ("pause".equals(action)) {
      paused = true;
      return false;
    }
    if ("resume".equals(action)) {
      paused = false;
      notices.append("the instructor resumed the workshop / 講師がワークショップを再開しました\n");
      return false;
    }
    try {
      if ("reset".equals(action)) {
        runner.resetLesson();
        notices.append(
            "the instructor reset your AWS accounts and started the lesson again from step 1"
                + " / 講師があなたの AWS アカウントをリセットし、レッスンをステップ 1 からやり直しにしました\n");
        return true;
      }
      if (action.startsWith("step:")) {
        int n = Integer.parseInt(action.substring("step:".length()));
        if (n - 1 == runner.currentIndex()) {
          return false;
        }
        runner.jumpTo(n - 1);
        notices.append(
            "the instructor moved the class to step "
                + n
                + "; the steps before it were done by their solutions"
                + " / 講師がクラスをステップ "
                + n
                + " へ移動しました(それ以前のステップは模範解答で実行済み)\n");
        return true;
      }
    } catch (LessonException | NumberFormatException e) {
      notices.append("kata join: could not apply the instructor's ").append(action);
      notices.append(": ").append(e.getMessage()).append('\n');
    }
    return false;
  }

  private static CommandResult refused(String line, String stderr) {
    return new CommandResult(line, 1, "", stderr, Duration.ZERO, List.of());
  }
}
