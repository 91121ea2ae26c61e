package dev.iamkata.shell;

import dev.iamkata.lesson.AwsCall;
import dev.iamkata.lesson.Workspace;
import dev.iamkata.shell.Ast.AndOr;
import dev.iamkata.shell.Ast.Assignment;
import dev.iamkata.shell.Ast.Pipeline;
import dev.iamkata.shell.Ast.Redirect;
import dev.iamkata.shell.Ast.Script;
import dev.iamkata.shell.Ast.Simple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small, honest subset of bash for learners, over one {@link Workspace}: quoting, variables,
 * command substitution, assignments, {@code &&}, {@code ||}, {@code ;}, pipes into the text
 * built-ins, redirections and heredocs. What it does not do (globbing, functions, control flow,
 * background jobs, arithmetic) it refuses with a message instead of guessing.
 *
 * <p>Keeps the session state bash keeps: unexported shell variables and {@code $?}. Exported
 * variables, the working directory and files live in the Workspace. One interpreter per learner
 * session; not thread-safe.
 */
public final class Interpreter {
  /** What a command not found prints after {@code kata: command not found: NAME}. */
  static final String NOT_FOUND_HINT = " (type 'help' for the commands)";

  private final Workspace workspace;
  private final Map<String, ShellCommand> commands = new TreeMap<>();
  private final Map<String, String> locals = new LinkedHashMap<>();
  private final Expander expander;
  private List<AwsCall> calls = new ArrayList<>();
  private StringBuilder currentErr = new StringBuilder();
  private int status;
  private int substitutionStatus;
  private boolean exitRequested;

  /**
   * @param workspace the learner's environment
   * @param extra commands beyond the core built-ins ({@code aws}, lesson commands); they win over
   *     core ones of the same name
   */
  public Interpreter(Workspace workspace, Map<String, ShellCommand> extra) {
    this.workspace = workspace;
    CoreCommands.register(commands);
    commands.putAll(extra);
    this.expander = new Expander(new Values());
  }

  /** What running a line gave. */
  public record Result(
      int exitCode, String stdout, String stderr, List<AwsCall> awsCalls, boolean exit) {}

  /** Runs one logical line (or a whole script) and returns its output and status. */
  public Result run(String text) throws InterruptedException {
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    calls = new ArrayList<>();
    exitRequested = false;
    try {
      Script script = Parser.parse(text);
      runScript(script, out, err);
    } catch (SyntaxError e) {
      err.append("kata: ").append(e.getMessage()).append('\n');
      status = 2;
    }
    return new Result(status, out.toString(), err.toString(), List.copyOf(calls), exitRequested);
  }

  public Workspace workspace() {
    return workspace;
  }

  /** The names of every command this shell knows, sorted. */
  public List<String> commandNames() {
    return List.copyOf(commands.keySet());
  }

  /** Adds or replaces a command (the interactive shell's lesson commands). */
  public void define(String name, ShellCommand command) {
    commands.put(name, command);
  }

  /** A variable as {@code $NAME} reads it: exported first, then shell variables; null if unset. */
  public String variable(String name) {
    String exported = workspace.variable(name);
    return exported != null ? exported : locals.get(name);
  }

  /** {@code NAME=VALUE}: updates the exported variable if there is one, else a shell variable. */
  public void assign(String name, String value) {
    if (workspace.variable(name) != null) {
      workspace.export(name, value);
    } else {
      locals.put(name, value);
    }
  }

  /** {@code export NAME[=VALUE]}. */
  public void export(String name, String value) {
    String v = value != null ? value : locals.get(name);
    locals.remove(name);
    if (v != null) {
      workspace.export(name, v);
    }
  }

  /** {@code unset NAME}. */
  public void unset(String name) {
    locals.remove(name);
    workspace.unset(name);
  }

  /** The shell variables that are not exported, read-only. */
  public Map<String, String> shellVariables() {
    return Collections.unmodifiableMap(locals);
  }

  /** Records an aws invocation of the line being run. */
  public void recordAwsCall(AwsCall call) {
    calls.add(call);
  }

  /** {@code exit}: the rest of the line is not run and the shell is asked to leave. */
  void requestExit(int code) {
    exitRequested = true;
    status = code;
  }

  /** Puts {@code $?} back (after lines the learner did not type, such as a lesson's probes). */
  public void restoreStatus(int code) {
    status = code;
  }

  /** Whether the last line ran {@code exit}. */
  public boolean exitRequested() {
    return exitRequested;
  }

  /** The last exit status, {@code $?}. */
  public int status() {
    return status;
  }

  private void runScript(Script script, StringBuilder out, StringBuilder err)
      throws InterruptedException {
    for (AndOr chain : script.chains()) {
      if (exitRequested) {
        return;
      }
      runChain(chain, out, err);
    }
  }

  private void runChain(AndOr chain, StringBuilder out, StringBuilder err)
      throws InterruptedException {
    status = runPipeline(chain.pipelines().get(0), out, err);
    for (int i = 0; i < chain.ops().size() && !exitRequested; i++) {
      boolean go = chain.ops().get(i).equals("&&") ? status == 0 : status != 0;
      if (go) {
        status = runPipeline(chain.pipelines().get(i + 1), out, err);
      }
    }
  }

  private int runPipeline(Pipeline pipeline, StringBuilder out, StringBuilder err)
      throws InterruptedException {
    String stdin = "";
    int last = 0;
    List<Simple> commands = pipeline.commands();
    for (int i = 0; i < commands.size(); i++) {
      boolean isLast = i == commands.size() - 1;
      StringBuilder stageOut = isLast ? out : new StringBuilder();
      last = runSimple(commands.get(i), stdin, stageOut, err);
      stdin = stageOut.toString();
    }
    return last;
  }

  private int runSimple(Simple cmd, String pipedIn, StringBuilder out, StringBuilder err)
      throws InterruptedException {
    StringBuilder savedErr = currentErr;
    currentErr = err;
    try {
      substitutionStatus = 0;
      List<String> argv = new ArrayList<>();
      for (Word w : cmd.words()) {
        argv.addAll(expander.fields(w));
      }
      Map<String, String> prefix = new LinkedHashMap<>();
      for (Assignment a : cmd.assignments()) {
        prefix.put(a.name(), expander.single(a.value()));
      }
      Redirections io = new Redirections(workspace, expander, out, err);
      String stdin = pipedIn;
      for (Redirect r : cmd.redirects()) {
        String in = io.apply(r);
        if (io.failed()) {
          return 1;
        }
        if (in != null) {
          stdin = in;
        }
      }
      if (argv.isEmpty()) {
        prefix.forEach(this::assign);
        return substitutionStatus;
      }
      return invoke(argv, prefix, stdin, io);
    } finally {
      currentErr = savedErr;
    }
  }

  private int invoke(List<String> argv, Map<String, String> prefix, String stdin, Redirections io)
      throws InterruptedException {
    String name = argv.get(0);
    ShellCommand command = commands.get(name);
    StringBuilder cOut = new StringBuilder();
    StringBuilder cErr = new StringBuilder();
    int code;
    if (command == null) {
      cErr.append("kata: command not found: ").append(name).append(NOT_FOUND_HINT).append('\n');
      code = 127;
    } else {
      Map<String, String> env = new LinkedHashMap<>(workspace.variables());
      env.putAll(prefix);
      code =
          command.run(
              new ShellCommand.Call(
                  name, List.copyOf(argv.subList(1, argv.size())), stdin, cOut, cErr, env, this));
    }
    io.deliver(cOut.toString(), cErr.toString());
    return code;
  }

  /** The values the expander reads, and command substitution through this same interpreter. */
  private final class Values implements Expander.Context {
    @Override
    public String lookup(String name) {
      return switch (name) {
        case "?" -> String.valueOf(status);
        case "#" -> "0";
        case "0" -> "kata";
        case "$", "@", "*" -> "";
        default -> Character.isDigit(name.charAt(0)) ? "" : variable(name);
      };
    }

    @Override
    public String substitute(String command) throws InterruptedException {
      StringBuilder out = new StringBuilder();
      StringBuilder err = currentErr;
      int saved = status;
      boolean savedExit = exitRequested;
      try {
        runScript(Parser.parse(command), out, err);
      } catch (SyntaxError e) {
        err.append("kata: ").append(e.getMessage()).append('\n');
        status = 2;
      }
      substitutionStatus = status;
      status = saved;
      exitRequested = savedExit;
      currentErr = err;
      return out.toString();
    }

    @Override
    public String home() {
      return workspace.home().toString();
    }
  }
}
