package dev.iamkata.tui.adapt;

import dev.iamkata.lesson.CommandResult;
import dev.iamkata.lesson.check.CheckResult;
import dev.iamkata.lesson.run.LessonException;
import dev.iamkata.lesson.run.LessonRunner;
import dev.iamkata.shell.ShellParser;
import dev.iamkata.tui.i18n.Messages;
import dev.iamkata.tui.model.LessonSession;
import dev.iamkata.tui.model.StepView;
import dev.iamkata.tui.text.MarkdownRenderer;
import dev.iamkata.tui.text.StyledLine;
import dev.iamkata.tui.view.ShellPort;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jline.keymap.KeyMap;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Status;

/**
 * The hands-on part of the UI: a JLine shell on the real terminal for the lesson's current step.
 * Learner lines go to the {@link LessonRunner} (which runs them through the shell's command runner
 * and evaluates the step's checks); {@code check}, {@code hint}, {@code next} and {@code menu} (or
 * Ctrl-], or Ctrl-D) are the lesson's own commands. One JLine terminal and one line reader per
 * lesson live as long as the UI, paused while the full screen is up, so the history (also saved in
 * {@code $IAM_KATA_HOME/history/<lesson>}) and the learner's variables survive every hand-over.
 */
public final class LessonShell implements ShellPort, AutoCloseable {
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
  private final Path historyDir;
  private final Supplier<Messages> messages;
  private final ZoneId zone;
  private final boolean colour;
  private final Map<String, LineReader> readers = new HashMap<>();

  /** The reader at its prompt now, or null (the full screen is up, or a command runs). */
  private volatile LineReader reading;

  private Terminal terminal;
  private boolean menu;

  public LessonShell(Path historyDir, Supplier<Messages> messages, ZoneId zone, boolean colour) {
    this.historyDir = historyDir;
    this.messages = messages;
    this.zone = zone;
    this.colour = colour;
  }

  @Override
  public boolean available() {
    return System.console() != null;
  }

  @Override
  public void run(LessonSession s) throws IOException {
    if (!(s instanceof RunnerSession session)) {
      throw new IllegalArgumentException("the shell needs a lesson runner");
    }
    if (terminal == null) {
      // UTF-8 as Lanterna writes it, whatever the locale says (an uninstalled ja_JP.UTF-8 locale
      // would otherwise turn every Japanese character into '?').
      terminal = TerminalBuilder.builder().system(true).encoding(StandardCharsets.UTF_8).build();
    } else {
      terminal.resume();
    }
    LineReader reader = readers.computeIfAbsent(session.lessonId(), id -> reader(id));
    Status status = Status.getStatus(terminal, true);
    try {
      banner(session);
      loop(session, reader, status);
    } finally {
      if (status != null) {
        status.hide(); // erase the status line so the lesson screen (and the shell after exit)
        status.close(); // starts clean
      }
      reader.getHistory().save();
      terminal.writer().flush();
      terminal.pause();
    }
  }

  /**
   * Closes the JLine terminal. It must close before Lanterna's: JLine puts back the terminal modes
   * it found (Lanterna's raw mode), then Lanterna puts back the learner's.
   */
  @Override
  public void close() {
    if (terminal != null) {
      try {
        terminal.close();
      } catch (IOException ignored) {
        // Lanterna's close below still restores the learner's terminal modes.
      }
      terminal = null;
    }
  }

  private LineReader reader(String lesson) {
    try {
      Files.createDirectories(historyDir);
    } catch (IOException e) {
      // History then lives in memory only; the shell still works.
    }
    LineReader r =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("kata")
            .parser(new ShellParser())
            .variable(LineReader.HISTORY_FILE, historyDir.resolve(lesson))
            .variable(LineReader.SECONDARY_PROMPT_PATTERN, "> ")
            .build();
    r.getWidgets()
        .put(
            "kata-menu",
            () -> {
              menu = true;
              r.getBuffer().clear();
              r.callWidget(LineReader.ACCEPT_LINE);
              return true;
            });
    r.getKeyMaps().get(LineReader.MAIN).bind(new Reference("kata-menu"), KeyMap.ctrl(']'));
    return r;
  }

  private void loop(RunnerSession session, LineReader reader, Status status) {
    String prompt = session.lessonId() + ":~$ ";
    while (true) {
      if (status != null) {
        status.update(List.of(new AttributedString(statusLine(session))));
      }
      String line;
      menu = false;
      try {
        reading = reader;
        line = reader.readLine(prompt);
      } catch (UserInterruptException e) {
        continue;
      } catch (EndOfFileException e) {
        return;
      } finally {
        reading = null;
      }
      String word = line.strip().split("\\s+", 2)[0];
      if (menu || word.equals("menu") || word.equals("exit")) {
        return;
      }
      switch (word) {
        case "" -> idle(session);
        case "check" -> check(session);
        case "hint" -> hint(session);
        case "next" -> next(session);
        default -> command(session, line);
      }
    }
  }

  /**
   * Shows {@code text} above the prompt while the learner is at it (from any thread: a workshop
   * client's watcher); dropped otherwise, the gate says it again at the next line.
   */
  public void say(String text) {
    LineReader r = reading;
    if (r != null && !text.isEmpty()) {
      r.printAbove(text.stripTrailing());
    }
  }

  private void idle(RunnerSession session) {
    int before = session.current();
    try {
      String said = session.idle();
      terminal.writer().print(said);
      terminal.writer().flush();
    } catch (InterruptedException e) {
      Thread.interrupted();
    }
    if (session.current() != before) {
      banner(session);
    }
  }

  private String t(String key, Object... args) {
    return messages.get().get(key, args);
  }

  private void banner(RunnerSession session) {
    int i = session.current();
    StepView step = session.steps().get(i);
    println(
        style(
            t("shell.banner", session.title(), i + 1, session.steps().size(), step.title()),
            AttributedStyle.BOLD));
    println(style(t("shell.keys"), AttributedStyle.DEFAULT.faint()));
  }

  private String statusLine(RunnerSession session) {
    String clock = HH_MM.format(session.clock().now().atZone(zone));
    String profile = session.runner().workspace().variable("AWS_PROFILE");
    return t(
        "shell.status",
        session.lessonId(),
        session.current() + 1,
        session.steps().size(),
        profile == null ? "default" : profile,
        clock);
  }

  private void command(RunnerSession session, String line) {
    LessonRunner runner = session.runner();
    if (runner.finished()) {
      println(t("shell.finished"));
      return;
    }
    while (session.displayedStepDone() && session.next()) {
      // The runner already moved on: the learner's new command belongs to its step.
    }
    Thread me = Thread.currentThread();
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, sig -> me.interrupt());
    try {
      int before = session.current();
      RunnerSession.Submitted s = session.submit(line);
      CommandResult r = s.result();
      terminal.writer().print(r.stdout());
      terminal.writer().print(r.stderr());
      terminal.writer().flush();
      if (s.ran()) {
        report(session, runner.check());
      } else if (session.current() != before) {
        banner(session); // the gate moved the lesson: the step the learner is on now
      }
    } catch (InterruptedException e) {
      Thread.interrupted();
      println(t("shell.interrupted"));
    } catch (LessonException | RuntimeException e) {
      println(
          style(
              t("shell.error", e.getMessage()),
              AttributedStyle.DEFAULT.foreground(AttributedStyle.RED)));
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
    }
  }

  private void check(RunnerSession session) {
    if (session.runner().finished() || session.displayedStepDone()) {
      report(session, List.of());
      return;
    }
    try {
      report(session, session.runner().check());
    } catch (InterruptedException e) {
      Thread.interrupted();
      println(t("shell.interrupted"));
    } catch (LessonException e) {
      println(t("shell.error", e.getMessage()));
    }
  }

  private void report(RunnerSession session, List<CheckResult> results) {
    for (var v : session.lastChecks()) {
      boolean pass = v.outcome().name().equals("PASS");
      AttributedStyle st =
          AttributedStyle.BOLD.foreground(pass ? AttributedStyle.GREEN : AttributedStyle.RED);
      println(
          style(
              (pass ? "✓ " : "✗ ") + t("outcome." + v.outcome().name()) + ": " + v.description(),
              st));
      if (!v.explanation().isBlank()) {
        println("  " + v.explanation());
      }
    }
    if (session.runner().finished()) {
      println(style(t("shell.lessondone"), AttributedStyle.BOLD.foreground(AttributedStyle.GREEN)));
    } else if (session.displayedStepDone()) {
      println(style(t("shell.steppassed"), AttributedStyle.BOLD.foreground(AttributedStyle.GREEN)));
    } else if (results.isEmpty() && session.lastChecks().isEmpty()) {
      println(t("shell.nochecks"));
    }
  }

  private void hint(RunnerSession session) {
    int before = session.revealedHints(session.current()).size();
    if (!session.revealHint()) {
      println(t("lesson.nomorehints"));
      return;
    }
    List<String> hints = session.revealedHints(session.current());
    String hint = hints.size() > before ? hints.get(hints.size() - 1) : "";
    println(
        style(
            t("lesson.hint", hints.size(), session.steps().get(session.current()).hintCount()),
            AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW)));
    markdown(hint);
  }

  private void next(RunnerSession session) {
    if (!session.next()) {
      println(t(session.runner().finished() ? "shell.finished" : "lesson.notpassed"));
      return;
    }
    banner(session);
    markdown(session.steps().get(session.current()).body());
  }

  private void markdown(String md) {
    int width = Math.max(20, terminal.getWidth() - 1);
    for (StyledLine l : MarkdownRenderer.render(md, width)) {
      println(l.plain());
    }
  }

  private String style(String text, AttributedStyle style) {
    return colour ? new AttributedStringBuilder().style(style).append(text).toAnsi(terminal) : text;
  }

  private void println(String text) {
    PrintWriter out = terminal.writer();
    out.println(text);
    out.flush();
  }
}
