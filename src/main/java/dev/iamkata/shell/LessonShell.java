package dev.iamkata.shell;

import dev.iamkata.lesson.CommandResult;
import dev.iamkata.lesson.Workspace;
import dev.iamkata.lesson.check.CheckResult;
import dev.iamkata.lesson.model.Step;
import dev.iamkata.lesson.model.Text;
import dev.iamkata.lesson.run.LessonEvent;
import dev.iamkata.lesson.run.LessonException;
import dev.iamkata.lesson.run.LessonListener;
import dev.iamkata.lesson.run.LessonRunner;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The shell's view of a {@link LessonRunner}: learner lines go to the runner (recorded, then the
 * step's checks run quietly; a passing step is announced with the next one), and the lesson
 * commands {@code hint}, {@code check}, {@code next}, {@code solution}, {@code reset} are answered
 * here. {@code wait DURATION} is the runner's own line. What the runner's events say is collected
 * and shown after the output of the line that caused them.
 */
public final class LessonShell implements LessonListener {
  /** The words that are lesson commands at the start of a line. */
  public static final Set<String> COMMANDS = Set.of("hint", "check", "next", "solution", "reset");

  /** Asks the learner a yes/no question; batch mode answers from the command's flags. */
  @FunctionalInterface
  public interface Confirm {
    boolean ask(String question);
  }

  private final LessonRunner runner;
  private final Messages messages;
  private final StringBuilder pending = new StringBuilder();
  private boolean echoCommands;

  public LessonShell(LessonRunner runner, Messages messages) {
    this.runner = runner;
    this.messages = messages;
    runner.addListener(this);
  }

  public LessonRunner runner() {
    return runner;
  }

  /** The learner's workspace now (a lesson reset makes a new one). */
  public Workspace workspace() {
    return runner.workspace();
  }

  /** What the lesson said since last asked (step introductions, passes). */
  public String drain() {
    String s = pending.toString();
    pending.setLength(0);
    return s;
  }

  /** {@code lesson-id step n/m}. */
  public String status() {
    int total = runner.lesson().steps().size();
    int n = Math.min(runner.currentIndex() + 1, total);
    return runner.lesson().id() + " " + messages.get("status.step", n, total);
  }

  /** Whether {@code line} is a lesson command rather than a learner command. */
  public static boolean isLessonCommand(String line) {
    String first = line.strip().split("\\s+", 2)[0];
    return COMMANDS.contains(first) && !line.contains("&&") && !line.contains(";");
  }

  /**
   * Runs a line: a lesson command, or the learner's line through the runner.
   *
   * @param status the interpreter whose {@code $?} is kept across the quiet checks
   */
  public CommandResult run(String line, Interpreter status, Confirm confirm)
      throws InterruptedException {
    if (runner.finished() && !line.strip().startsWith("reset")) {
      return text(line, messages.get("lesson.finished.already") + "\n", 0);
    }
    try {
      if (isLessonCommand(line)) {
        return lessonCommand(line, confirm);
      }
      CommandResult r = runner.run(line);
      int kept = status.status();
      runner.check(); // quietly: a pass is announced by its event, a failure waits for `check`
      status.restoreStatus(kept);
      return append(r, drain());
    } catch (LessonException e) {
      return new CommandResult(
          line, 1, drain(), "kata: " + e.getMessage() + "\n", Duration.ZERO, List.of());
    }
  }

  private CommandResult lessonCommand(String line, Confirm confirm)
      throws LessonException, InterruptedException {
    String[] words = line.strip().split("\\s+");
    String lang = messages.language();
    switch (words[0]) {
      case "hint" -> {
        Text hint = runner.hint();
        return text(line, (hint == null ? messages.get("lesson.noHint") : hint.in(lang)) + "\n", 0);
      }
      case "check", "next" -> {
        List<CheckResult> results = runner.check();
        StringBuilder out = new StringBuilder();
        boolean all = results.stream().allMatch(CheckResult::passed);
        if (words[0].equals("check") || !all) {
          for (CheckResult r : results) {
            out.append(describe(r, lang));
          }
        }
        if (!all && words[0].equals("next")) {
          out.append(messages.get("lesson.notYet")).append('\n');
        }
        return text(line, out + drain(), all ? 0 : 1);
      }
      case "solution" -> {
        boolean yes = List.of(words).contains("--yes") || List.of(words).contains("-y");
        if (!yes && !confirm.ask(messages.get("lesson.solution.confirm"))) {
          return text(line, messages.get("lesson.solution.kept") + "\n", 0);
        }
        StringBuilder out = new StringBuilder(messages.get("lesson.solution.title")).append('\n');
        echoCommands = true;
        try {
          runner.skip();
        } finally {
          echoCommands = false;
        }
        return text(line, out + drain(), 0);
      }
      default -> {
        String what = words.length > 1 ? words[1] : "step";
        if (what.equals("lesson")) {
          runner.resetLesson();
        } else if (what.equals("step")) {
          runner.resetStep();
        } else {
          return new CommandResult(
              line,
              2,
              "",
              "reset: " + messages.get("lesson.reset.usage") + "\n",
              Duration.ZERO,
              List.of());
        }
        return text(line, drain(), 0);
      }
    }
  }

  private String describe(CheckResult r, String lang) {
    StringBuilder s = new StringBuilder("[").append(r.status()).append("] ");
    s.append(r.expected().in(lang));
    if (!r.passed() && r.actual() != null) {
      s.append("\n    ").append(r.actual().in(lang));
    }
    if (!r.passed() && r.explanation() != null) {
      s.append("\n    ").append(r.explanation().in(lang));
    }
    return s.append('\n').toString();
  }

  @Override
  public void on(LessonEvent event) {
    String lang = messages.language();
    if (event instanceof LessonEvent.LessonStarted s) {
      pending.append(s.lesson().title().in(lang)).append('\n');
    } else if (event instanceof LessonEvent.StepStarted s) {
      pending.append(intro(s.index(), s.step(), lang));
    } else if (event instanceof LessonEvent.StepPassed p) {
      String key = p.skipped() ? "lesson.step.skipped" : "lesson.step.passed";
      pending.append(messages.get(key, p.index() + 1)).append('\n');
    } else if (event instanceof LessonEvent.StepReset r) {
      pending.append(messages.get("lesson.step.reset", r.index() + 1)).append('\n');
    } else if (event instanceof LessonEvent.LessonFinished f) {
      String key = f.allPassed() ? "lesson.finished.all" : "lesson.finished.some";
      pending.append(messages.get(key)).append('\n');
    } else if (event instanceof LessonEvent.CommandRan c && echoCommands) {
      pending.append("$ ").append(c.result().line()).append('\n');
      pending.append(c.result().stdout()).append(c.result().stderr());
    }
  }

  private String intro(int index, Step step, String lang) {
    int total = runner.lesson().steps().size();
    return "\n== "
        + messages.get("status.step", index + 1, total)
        + ": "
        + step.title().with(runner.placeholders()).in(lang)
        + " ==\n"
        + step.body().with(runner.placeholders()).in(lang).strip()
        + "\n\n";
  }

  private static CommandResult text(String line, String out, int code) {
    return new CommandResult(line, code, out, "", Duration.ZERO, List.of());
  }

  private static CommandResult append(CommandResult r, String more) {
    if (more.isEmpty()) {
      return r;
    }
    return new CommandResult(
        r.line(), r.exitCode(), r.stdout() + more, r.stderr(), r.took(), r.awsCalls());
  }
}
