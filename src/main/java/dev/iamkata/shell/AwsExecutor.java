package dev.iamkata.shell;

import dev.iamkata.lesson.Workspace;
import java.util.List;
import java.util.Map;

/**
 * Runs one {@code aws ...} invocation for the shell: the built-in aws (in-process) or the real aws
 * CLI from PATH ({@link SystemAws}). Either way the call goes to {@link Workspace#endpoint()} and
 * reads only the sandboxed config and credentials.
 */
public interface AwsExecutor {

  /** {@code builtin} or {@code system}, as {@code aws-mode} names it. */
  String name();

  /** Runs {@code aws ARGS}. Never throws for a failing command. */
  Result execute(Invocation invocation) throws InterruptedException;

  /**
   * One invocation.
   *
   * @param args the arguments after {@code aws}
   * @param workspace the learner's environment
   * @param environment the variables the process sees (exported plus this command's prefixes)
   * @param stdin standard input
   */
  record Invocation(
      List<String> args, Workspace workspace, Map<String, String> environment, String stdin) {
    public Invocation {
      args = List.copyOf(args);
      environment = Map.copyOf(environment);
    }
  }

  /**
   * What it gave.
   *
   * @param operation the API operation it called when the executor knows it (the built-in does);
   *     null to let the shell derive it from the command
   * @param accessKeyId the key the request was signed with when known, else null
   */
  record Result(int exitCode, String stdout, String stderr, String operation, String accessKeyId) {
    public Result(int exitCode, String stdout, String stderr) {
      this(exitCode, stdout, stderr, null, null);
    }
  }
}
