package dev.iamkata.shell;

import java.util.List;
import java.util.Map;

/**
 * A command the shell knows by name: the file and text built-ins, {@code aws}, and the lesson
 * commands the interactive shell adds ({@code hint}, {@code check}, ...).
 */
@FunctionalInterface
public interface ShellCommand {

  /** Runs the command and returns its exit status. Never throws for a failing command. */
  int run(Call call) throws InterruptedException;

  /**
   * One invocation.
   *
   * @param name the command word as typed
   * @param args the arguments after it, expanded
   * @param stdin the standard input (empty when none was redirected)
   * @param out standard output
   * @param err standard error
   * @param environment what a child process would get: the exported variables plus {@code
   *     NAME=VALUE} prefixes of this command
   * @param shell the interpreter running it
   */
  record Call(
      String name,
      List<String> args,
      String stdin,
      StringBuilder out,
      StringBuilder err,
      Map<String, String> environment,
      Interpreter shell) {

    /** Prints {@code name: message} on stderr and returns {@code status}, as utilities do. */
    public int fail(int status, String message) {
      err.append(name).append(": ").append(message).append('\n');
      return status;
    }
  }
}
