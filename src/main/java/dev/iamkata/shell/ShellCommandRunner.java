package dev.iamkata.shell;

import dev.iamkata.lesson.CommandResult;
import dev.iamkata.lesson.CommandRunner;
import dev.iamkata.lesson.Workspace;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The {@link CommandRunner} of the shell: each line runs through an {@link Interpreter} kept per
 * {@link Workspace} (so shell variables and {@code $?} persist between lines of one learner), with
 * {@code aws} going to the current {@link AwsModes} executor and {@code aws-mode} switching it.
 */
public final class ShellCommandRunner implements CommandRunner {
  private final AwsModes modes;
  private final Map<String, ShellCommand> extra;
  private final Map<Workspace, Interpreter> sessions = new WeakHashMap<>();

  /**
   * @param modes which aws runs {@code aws ...}
   * @param extra further commands (the lesson's {@code wait}, the interactive shell's {@code hint},
   *     ...), by name
   */
  public ShellCommandRunner(AwsModes modes, Map<String, ShellCommand> extra) {
    this.modes = modes;
    this.extra = new LinkedHashMap<>(extra);
  }

  public ShellCommandRunner(AwsModes modes) {
    this(modes, Map.of());
  }

  public AwsModes modes() {
    return modes;
  }

  /** Adds or replaces a command, in the sessions to come and in those already running. */
  public synchronized void define(String name, ShellCommand command) {
    extra.put(name, command);
    sessions.values().forEach(i -> i.define(name, command));
  }

  /** The interpreter (the shell session) of {@code workspace}, created on first use. */
  public synchronized Interpreter interpreter(Workspace workspace) {
    return sessions.computeIfAbsent(workspace, this::newInterpreter);
  }

  @Override
  public CommandResult run(String line, Workspace workspace) throws InterruptedException {
    long start = System.nanoTime();
    Interpreter.Result r = interpreter(workspace).run(line);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    return new CommandResult(line, r.exitCode(), r.stdout(), r.stderr(), took, r.awsCalls());
  }

  private Interpreter newInterpreter(Workspace workspace) {
    Map<String, ShellCommand> commands = new LinkedHashMap<>();
    commands.put("aws", new AwsCommand(modes));
    commands.put("aws-mode", this::awsMode);
    commands.putAll(extra);
    return new Interpreter(workspace, commands);
  }

  /** {@code aws-mode [builtin|system]}: shows or switches the aws that runs commands. */
  private int awsMode(ShellCommand.Call call) {
    if (call.args().isEmpty()) {
      AwsExecutor current = modes.current();
      call.out().append("aws mode: ").append(current == null ? "none" : current.name());
      call.out().append(" (available: ").append(String.join(", ", modes.names())).append(")\n");
      return 0;
    }
    String name = call.args().get(0);
    try {
      modes.select(name);
      call.out().append("aws mode: ").append(name).append('\n');
      return 0;
    } catch (IllegalArgumentException e) {
      return call.fail(
          2,
          "'"
              + name
              + "' is not available here (available: "
              + String.join(", ", modes.names())
              + ")");
    } catch (IOException e) {
      return call.fail(1, "could not save the setting: " + e.getMessage());
    }
  }
}
