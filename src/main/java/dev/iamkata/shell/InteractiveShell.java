package dev.iamkata.shell;

import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.lesson.CommandResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.Status;

/**
 * {@code kata shell} on a terminal: JLine line editing, history per lesson in {@code
 * $IAM_KATA_HOME/history/<lesson or default>}, reverse search (Ctrl-R), multi-line input for {@code
 * \} and heredocs, tab completion, a status line. Ctrl-C cancels the line being typed (or the
 * running command); Ctrl-D leaves.
 */
public final class InteractiveShell {
  private final ShellSession session;
  private final Path historyDir;
  private final Terminal given;
  private final AccessKeyPair admin;
  private volatile LineReader reader;

  /**
   * @param historyDir where the history files live
   * @param terminal the terminal to use, or null for the system terminal
   * @param admin the key completion lists IAM entities with, or null for the learner's own
   */
  public InteractiveShell(
      ShellSession session, Path historyDir, Terminal terminal, AccessKeyPair admin) {
    this.session = session;
    this.historyDir = historyDir;
    this.given = terminal;
    this.admin = admin;
  }

  public InteractiveShell(ShellSession session, Path historyDir) {
    this(session, historyDir, null, null);
  }

  /** The history file of this session's lesson. */
  public Path historyFile() {
    return historyDir.resolve(session.lesson() == null ? "default" : session.lesson());
  }

  /** Reads and runs lines until {@code exit} or Ctrl-D; returns the last exit status. */
  public int run() throws IOException {
    Files.createDirectories(historyDir);
    Terminal terminal = given != null ? given : TerminalBuilder.builder().system(true).build();
    try (ArnSource arns =
        new ArnSource(
            session.workspace().endpoint(),
            session.workspace().region(),
            this::listingKey,
            Clock.systemUTC())) {
      reader = reader(terminal, arns);
      return loop(terminal, reader, arns);
    } finally {
      reader = null;
      if (given == null) {
        terminal.close();
      }
    }
  }

  /** The reader, configured; visible for tests that drive completion directly. */
  LineReader reader(Terminal terminal, ArnSource arns) {
    return LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("kata")
        .parser(new ShellParser())
        .completer(new ShellCompleter(session, new AwsCatalogue(), arns))
        .variable(LineReader.HISTORY_FILE, historyFile())
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, "> ")
        .variable(LineReader.HISTORY_SIZE, 2000)
        .build();
  }

  private int loop(Terminal terminal, LineReader reader, ArnSource arns) throws IOException {
    PrintWriter out = terminal.writer();
    session.runner().define("edit", new EditCommand(session.messages(), editing(reader)));
    session.setConfirm(question -> confirm(reader, question));
    out.print(session.banner());
    out.flush();
    Status status = Status.getStatus(terminal, true);
    int last = 0;
    while (true) {
      showStatus(status);
      String line;
      try {
        line = reader.readLine(session.prompt());
      } catch (UserInterruptException e) {
        continue; // Ctrl-C: the line is dropped, a fresh prompt follows
      } catch (EndOfFileException e) {
        break;
      }
      if (line.isBlank()) {
        idle(out);
        continue;
      }
      last = runLine(terminal, line);
      arns.invalidate();
      if (session.interpreter().exitRequested()) {
        break;
      }
    }
    if (status != null) {
      status.close();
    }
    reader.getHistory().save();
    out.println(session.messages().get("bye"));
    out.flush();
    return last;
  }

  /**
   * Shows {@code text} above the prompt while the learner is at it (from any thread: a workshop
   * client's watcher); dropped when no prompt is up, the next line's gate says it again then.
   */
  public void say(String text) {
    LineReader r = reader;
    if (r != null && !text.isEmpty()) {
      r.printAbove(text.stripTrailing());
    }
  }

  private void idle(PrintWriter out) {
    try {
      out.print(session.idle());
    } catch (InterruptedException e) {
      Thread.interrupted();
    }
    out.flush();
  }

  private int runLine(Terminal terminal, String line) {
    PrintWriter out = terminal.writer();
    Thread runner = Thread.currentThread();
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> runner.interrupt());
    try {
      CommandResult r = session.run(line);
      out.print(r.stdout());
      out.print(r.stderr());
      out.flush();
      return r.exitCode();
    } catch (InterruptedException e) {
      Thread.interrupted();
      out.println(session.messages().get("interrupted"));
      out.flush();
      return 130;
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
    }
  }

  private static boolean confirm(LineReader reader, String question) {
    try {
      return reader.readLine(question).strip().toLowerCase(java.util.Locale.ROOT).startsWith("y");
    } catch (UserInterruptException | EndOfFileException e) {
      return false;
    }
  }

  private void showStatus(Status status) {
    if (status != null) {
      status.update(List.of(new AttributedString(session.status())));
    }
  }

  private EditCommand.Terminal editing(LineReader reader) {
    return new EditCommand.Terminal() {
      @Override
      public String readLine() {
        try {
          return reader.readLine("");
        } catch (UserInterruptException | EndOfFileException e) {
          return null;
        }
      }

      @Override
      public void println(String text) {
        reader.getTerminal().writer().println(text);
        reader.getTerminal().writer().flush();
      }

      @Override
      public String editor() {
        String learner = session.workspace().variable("EDITOR");
        String host = System.getenv("EDITOR");
        String e = learner != null ? learner : host;
        return e == null || e.isBlank() ? null : e;
      }

      @Override
      public int runEditor(String editor, Path file) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(editor.trim().split("\\s+")));
        command.add(file.toString());
        Terminal t = reader.getTerminal();
        t.pause();
        try {
          return new ProcessBuilder(command).inheritIO().start().waitFor();
        } finally {
          t.resume();
        }
      }
    };
  }

  /** The admin's key when the shell has it, else the key the learner exported. */
  private AccessKeyPair listingKey() {
    if (admin != null) {
      return admin;
    }
    String id = session.workspace().variable("AWS_ACCESS_KEY_ID");
    String secret = session.workspace().variable("AWS_SECRET_ACCESS_KEY");
    return id == null || secret == null ? null : new AccessKeyPair(id, secret);
  }
}
