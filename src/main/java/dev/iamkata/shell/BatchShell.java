package dev.iamkata.shell;

import dev.iamkata.lesson.CommandResult;
import java.io.PrintStream;

/**
 * {@code kata shell --batch FILE}: the file's logical lines ({@link ScriptLines}) run one after the
 * other in one session, without a terminal. Standard output and standard error carry exactly what
 * the commands print, without prompts or the command lines echoed, so the output can be compared
 * and parsed. The exit status is that of the last command that failed, or 0; {@code exit N} stops
 * the batch with N.
 */
public final class BatchShell {
  private final ShellSession session;
  private final PrintStream out;
  private final PrintStream err;

  public BatchShell(ShellSession session, PrintStream out, PrintStream err) {
    this.session = session;
    this.out = out;
    this.err = err;
  }

  /** Runs {@code script} and returns the exit status. */
  public int run(String script) throws InterruptedException {
    int status = 0;
    for (ScriptLines.Entry entry : ScriptLines.split(script)) {
      CommandResult r = session.run(entry.text());
      out.print(r.stdout());
      out.flush();
      err.print(r.stderr());
      err.flush();
      if (session.interpreter().exitRequested()) {
        return r.exitCode();
      }
      if (r.exitCode() != 0) {
        status = r.exitCode();
      }
    }
    return status;
  }
}
