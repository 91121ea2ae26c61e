package dev.iamkata.cli;

import dev.iamkata.backend.Backend;
import dev.iamkata.backend.BackendException;
import dev.iamkata.backend.BackendOptions;
import dev.iamkata.backend.BackendSettings;
import dev.iamkata.backend.BackendUsageException;
import dev.iamkata.backend.Backends;
import dev.iamkata.tui.Tui;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kata}: the command line of iam-kata. */
@Command(
    name = "kata",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Learn AWS IAM roles and STS AssumeRole by doing, against an embedded AWS engine.",
      "Nothing here touches a real AWS account."
    },
    subcommands = {
      EngineCommand.class,
      ClockCommand.class,
      ShellCli.class,
      ServeCommand.class,
      JoinCommand.class,
      BackendCommand.class,
      LessonsCommand.class,
      LintCommand.class,
      GradeCommand.class,
      VerifyCommand.class,
      AwsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--lang",
      paramLabel = "en|ja",
      description = "Language of the full-screen UI; without it, the remembered choice, else LANG.")
  String lang;

  @Option(names = "--bench-exit-after-first-frame", hidden = true)
  boolean benchExitAfterFirstFrame;

  @CommandLine.Mixin BackendOptions backendOptions;

  public static void main(String[] args) {
    if (args.length == 1 && args[0].equals("--cds-training")) {
      System.exit(CdsTraining.run(System.getenv()));
    }
    Tui.Options ui = uiOptions(args);
    if (ui != null && System.console() != null) {
      // The front door skips building the whole command line (every subcommand's classes), a
      // large part of the UI's startup time.
      System.exit(Tui.run(ui, System.getenv(), System.err));
    }
    System.exit(commandLine().execute(args));
  }

  /**
   * The UI's options when {@code args} only start the UI ({@code --lang en|ja} and the hidden
   * benchmark flag), else null (picocli then parses, and reports bad values).
   */
  static Tui.Options uiOptions(String[] args) {
    String lang = null;
    boolean bench = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--bench-exit-after-first-frame")) {
        bench = true;
      } else if (a.equals("--lang") && i + 1 < args.length) {
        lang = args[++i];
      } else if (a.startsWith("--lang=")) {
        lang = a.substring("--lang=".length());
      } else {
        return null;
      }
    }
    return lang == null || lang.equals("en") || lang.equals("ja")
        ? new Tui.Options(lang, bench, settingsBackend(), Main::settingsOpen)
        : null;
  }

  /** The configured command line, for tests that run commands in-process. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main()).setExpandAtFiles(false);
    // `kata aws` passes every word, options included, to the built-in aws untouched.
    cl.getSubcommands()
        .get("aws")
        .setUnmatchedOptionsArePositionalParams(true)
        .setStopAtPositional(true)
        .setEndOfOptionsDelimiter("\u0000");
    return cl;
  }

  /**
   * {@code kata} without a command: the full-screen UI when stdin and stdout are a terminal, the
   * help otherwise (a pipe, CI, {@code kata > file}), so scripts never get a screen they cannot
   * drive. {@code kata --help} always prints the help.
   */
  @Override
  public Integer call() {
    if (lang != null && !lang.equals("en") && !lang.equals("ja")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--lang must be en or ja, not '" + lang + "'");
    }
    if (System.console() == null) {
      spec.commandLine().usage(System.out);
      return 0;
    }
    String name = backendOptions.backend() != null ? backendOptions.backend() : settingsBackend();
    return Tui.run(
        new Tui.Options(lang, benchExitAfterFirstFrame, name, backendOptions::open),
        System.getenv(),
        System.err);
  }

  /** The backend {@code settings.json} names, else {@code embedded} (for the welcome screen). */
  private static String settingsBackend() {
    try {
      String named = BackendSettings.load(BackendSettings.home(System.getenv())).name();
      return named == null ? Backends.NAMES.get(0) : named;
    } catch (BackendUsageException e) {
      return Backends.NAMES.get(0); // opening it reports the problem in the settings
    }
  }

  private static Backend settingsOpen() throws BackendException {
    Map<String, String> env = System.getenv();
    return Backends.open(
        null, null, null, BackendSettings.load(BackendSettings.home(env)), env, Clock.systemUTC());
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"iam-kata " + (v == null ? "dev" : v)};
    }
  }
}
