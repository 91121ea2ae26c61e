package dev.iamkata.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

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
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
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

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
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
