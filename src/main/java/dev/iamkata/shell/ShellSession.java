package dev.iamkata.shell;

import dev.iamkata.backend.Backend;
import dev.iamkata.backend.BackendException;
import dev.iamkata.backend.ControlClient;
import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.lesson.CommandResult;
import dev.iamkata.lesson.Workspace;
import dev.iamkata.lesson.run.LessonRunner;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One learner's shell, shared by the interactive and the batch front ends: the sandboxed {@link
 * Workspace}, the {@link ShellCommandRunner}, the shell's own commands ({@code help}, {@code lang},
 * {@code edit}), the banner and the status line's text. The sandbox is a fresh temporary directory,
 * removed on {@link #close()}.
 */
public final class ShellSession implements AutoCloseable {
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final Path sandbox;
  private final Workspace workspace;
  private final ShellCommandRunner runner;
  private final Messages messages;
  private final Backend backend;
  private final AccessKeyPair admin;
  private final String account;
  private final String lesson;
  private LessonShell lessonShell;
  private LessonShell.Confirm confirm = question -> false;
  private LineGate gate = LineGate.OPEN;

  /**
   * @param endpoint the AWS endpoint all calls go to
   * @param region the default region
   * @param account the learner's account id, for the banner
   * @param admin the key written as the default profile, or null for none
   * @param backend the backend when this process owns one (its clock feeds the status line), or
   *     null to ask the endpoint's control API
   * @param lesson the lesson id, or null for a free shell
   */
  public record Config(
      String endpoint,
      String region,
      String account,
      AccessKeyPair admin,
      Backend backend,
      String lesson,
      AwsModes modes,
      String language) {}

  private ShellSession(Path sandbox, Config config, Map<String, ShellCommand> extra) {
    this.sandbox = sandbox;
    this.workspace = new Workspace(sandbox.resolve("home"), config.endpoint(), config.region());
    this.messages = new Messages(config.language());
    this.backend = config.backend();
    this.admin = config.admin();
    this.account = config.account();
    this.lesson = config.lesson();
    Map<String, ShellCommand> commands = new LinkedHashMap<>();
    commands.put("help", this::help);
    commands.put("lang", this::lang);
    commands.put("edit", new EditCommand(messages, null));
    commands.putAll(extra);
    this.runner = new ShellCommandRunner(config.modes(), commands);
  }

  /** Creates the sandbox (home, {@code ~/.aws} with the admin as default profile when given). */
  public static ShellSession open(Config config, Map<String, ShellCommand> extra)
      throws IOException {
    Path sandbox = Files.createTempDirectory("kata-shell-");
    Path aws = sandbox.resolve("home/.aws");
    Files.createDirectories(aws);
    Files.writeString(
        aws.resolve("config"),
        "[default]\nregion = " + config.region() + "\noutput = json\n",
        StandardCharsets.UTF_8);
    if (config.admin() != null) {
      Files.writeString(
          aws.resolve("credentials"),
          "[default]\naws_access_key_id = "
              + config.admin().accessKeyId()
              + "\naws_secret_access_key = "
              + config.admin().secretAccessKey()
              + "\n",
          StandardCharsets.UTF_8);
    }
    return new ShellSession(sandbox, config, extra);
  }

  /** The learner's workspace: the lesson's when a lesson is attached, else the free sandbox. */
  public Workspace workspace() {
    return lessonShell != null ? lessonShell.workspace() : workspace;
  }

  /**
   * Attaches a started lesson: its workspace (exactly what setup made) replaces the free sandbox,
   * and lines go through the lesson runner.
   */
  public void attachLesson(LessonRunner runner) {
    this.lessonShell = new LessonShell(runner, messages);
  }

  /** How {@code solution} asks for confirmation (the interactive shell asks on the terminal). */
  public void setConfirm(LessonShell.Confirm confirm) {
    this.confirm = confirm;
  }

  /** What stands in front of every learner line (a workshop's instructor actions). */
  public void setLineGate(LineGate gate) {
    this.gate = gate;
  }

  /** Every command name a learner can type first on a line, for completion. */
  public List<String> commandNames() {
    List<String> names = new ArrayList<>(interpreter().commandNames());
    if (lessonShell != null) {
      names.addAll(LessonShell.COMMANDS);
      names.add("wait");
      names.sort(null);
    }
    return names;
  }

  public ShellCommandRunner runner() {
    return runner;
  }

  public Interpreter interpreter() {
    return runner.interpreter(workspace());
  }

  public Messages messages() {
    return messages;
  }

  /** The lesson id, or null. */
  public String lesson() {
    return lessonShell != null ? lessonShell.runner().lesson().id() : lesson;
  }

  /** Runs one logical line as the learner typed it (through the lesson when one is attached). */
  public CommandResult run(String line) throws InterruptedException {
    CommandResult r = gate.run(line, this::runLine);
    String more = lessonShell != null ? lessonShell.drain() : "";
    if (more.isEmpty()) {
      return r;
    }
    // what the lesson said when the gate drove the runner (a reset, a jump to a step)
    return new CommandResult(
        r.line(), r.exitCode(), r.stdout() + more, r.stderr(), r.took(), r.awsCalls());
  }

  /**
   * What an empty line brings: the gate's notices ({@link LineGate#idle}) and what the lesson said
   * meanwhile; empty when nothing happened.
   */
  public String idle() throws InterruptedException {
    String said = gate.idle();
    return lessonShell != null ? said + lessonShell.drain() : said;
  }

  private CommandResult runLine(String line) throws InterruptedException {
    if (lessonShell != null) {
      return lessonShell.run(line, interpreter(), confirm);
    }
    return runner.run(line, workspace);
  }

  /** The prompt: {@code kata:~/dir$ }. */
  public String prompt() {
    Path home = workspace().home();
    Path cwd = workspace().cwd();
    String where = cwd.startsWith(home) ? "~" + relative(home, cwd) : cwd.toString();
    return (lesson() == null ? "kata" : lesson()) + ":" + where + "$ ";
  }

  private static String relative(Path home, Path cwd) {
    String rel = home.relativize(cwd).toString();
    return rel.isEmpty() ? "" : "/" + rel;
  }

  /** The lines printed when the shell starts. */
  public String banner() {
    StringBuilder b = new StringBuilder(messages.get("banner.title")).append('\n');
    if (lessonShell != null) {
      b.append(messages.get("banner.lesson", lesson()));
    } else if (admin != null && backend != null && "embedded".equals(backend.name())) {
      b.append(messages.get("banner.admin", workspace.endpoint(), account));
    } else if (admin != null) {
      b.append(messages.get("banner.remoteAdmin", workspace.endpoint()));
    } else {
      b.append(messages.get("banner.remote", workspace.endpoint()));
    }
    b.append('\n').append(messages.get("banner.home", workspace().home())).append('\n');
    AwsExecutor aws = runner.modes().current();
    b.append(messages.get("banner.aws", aws == null ? "none" : aws.name())).append('\n');
    if (lessonShell != null) {
      b.append(lessonShell.drain());
    }
    return b.toString();
  }

  /** The status line: lesson (or free shell), the credentials in effect, the engine clock. */
  public String status() {
    StringBuilder s =
        new StringBuilder(
            lessonShell != null
                ? lessonShell.status()
                : lesson == null ? messages.get("status.nolesson") : lesson);
    s.append(" | ").append(credentials());
    Instant now = clock();
    if (now != null) {
      s.append(" | ").append(messages.get("status.clock", CLOCK.format(now)));
    }
    return s.toString();
  }

  private String credentials() {
    Workspace workspace = workspace();
    String profile = workspace.variable("AWS_PROFILE");
    String key = workspace.variable("AWS_ACCESS_KEY_ID");
    if (key != null) {
      return messages.get("status.key", key);
    }
    String p = profile == null ? "default" : profile;
    ProfileFiles files = ProfileFiles.read(workspace);
    if (profile == null && files.get("default", "aws_access_key_id") == null) {
      return messages.get("status.nocreds");
    }
    return messages.get("status.profile", p);
  }

  /** The engine's virtual clock, or null when the endpoint has no control API. */
  public Instant clock() {
    try {
      if (backend != null) {
        return backend.clockTime();
      }
      String body =
          new ControlClient(URI.create(workspace().endpoint()), null).call("GET", "clock", null);
      return Instant.parse(
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("now").asText());
    } catch (BackendException | IOException | RuntimeException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private int help(ShellCommand.Call call) {
    call.out().append(messages.get("help.text")).append('\n');
    if (lessonShell != null) {
      call.out().append(messages.get("help.lesson")).append('\n');
    }
    return 0;
  }

  private int lang(ShellCommand.Call call) {
    if (call.args().size() != 1 || !call.args().get(0).matches("en|ja")) {
      return call.fail(2, messages.get("lang.usage"));
    }
    messages.setLanguage(call.args().get(0));
    call.out().append(messages.get("lang.set")).append('\n');
    return 0;
  }

  @Override
  public void close() {
    try (Stream<Path> walk = Files.walk(sandbox)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a sandbox left in the temporary directory is harmless
    }
  }
}
