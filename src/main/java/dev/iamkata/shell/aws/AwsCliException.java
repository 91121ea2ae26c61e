package dev.iamkata.shell.aws;

/**
 * A failure the CLI reports on stderr with one of its exit codes. {@link #stderr()} is exactly what
 * aws CLI v2's error handlers write: a blank line, the message, a newline.
 */
public final class AwsCliException extends RuntimeException {
  /** Bad parameters and usage errors. */
  public static final int PARAM = 252;

  /** No credentials, no region, bad configuration. */
  public static final int CONFIG = 253;

  /** The service answered with an error. */
  public static final int CLIENT = 254;

  /** Anything else (unknown profile, connection refused). */
  public static final int GENERAL = 255;

  static final String USAGE =
      "aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n"
          + "To see help text, you can run:\n"
          + "\n"
          + "  aws help\n"
          + "  aws <command> help\n"
          + "  aws <command> <subcommand> help\n";

  private final int exitCode;
  private final String stderr;
  private final String errorCode;

  private AwsCliException(int exitCode, String stderr, String errorCode) {
    super(stderr.strip());
    this.exitCode = exitCode;
    this.stderr = stderr;
    this.errorCode = errorCode;
  }

  /** {@code aws: error: MESSAGE} after the usage text (argparse's errors). */
  public static AwsCliException usage(String message) {
    return new AwsCliException(
        PARAM, "\nusage: " + USAGE + "\naws: error: " + message + "\n\n", null);
  }

  /** {@code Unknown options: ...} after the usage text. */
  public static AwsCliException unknownOptions(String options) {
    return new AwsCliException(
        PARAM, "\nusage: " + USAGE + "\nUnknown options: " + options + "\n\n", null);
  }

  /** A message in the CLI's error-handler layout with exit code {@code rc}. */
  public static AwsCliException of(int rc, String message) {
    return new AwsCliException(rc, "\n" + message + "\n", null);
  }

  /** {@code Error parsing parameter '--name': MESSAGE} (exit 252). */
  public static AwsCliException param(String cliName, String message) {
    return of(PARAM, "Error parsing parameter '" + cliName + "': " + message);
  }

  /** A service error: {@code An error occurred (CODE) when calling the OP operation: MESSAGE}. */
  public static AwsCliException service(String code, String operation, String message) {
    return new AwsCliException(
        CLIENT,
        "\nAn error occurred ("
            + code
            + ") when calling the "
            + operation
            + " operation: "
            + message
            + "\n",
        code);
  }

  public int exitCode() {
    return exitCode;
  }

  /** Exactly what goes to stderr. */
  public String stderr() {
    return stderr;
  }

  /** The AWS error code of a service error, else null. */
  public String errorCode() {
    return errorCode;
  }
}
