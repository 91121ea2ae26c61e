package dev.iamkata.shell;

import java.util.List;
import java.util.Set;

/**
 * The shape of an {@code aws} argument list: the global options (which may come before the
 * service), the service and the command.
 *
 * @param service the service as typed, or null
 * @param command the command as typed, or null
 * @param profile the {@code --profile} value, or null
 * @param region the {@code --region} value, or null
 * @param endpointUrl the {@code --endpoint-url} value, or null
 * @param operands the words after the command that are not options (s3 paths)
 */
record AwsArgs(
    String service,
    String command,
    String profile,
    String region,
    String endpointUrl,
    List<String> operands) {

  /** Global options of the aws CLI that take a value. */
  private static final Set<String> VALUED =
      Set.of(
          "--profile",
          "--region",
          "--output",
          "--query",
          "--endpoint-url",
          "--color",
          "--ca-bundle",
          "--cli-read-timeout",
          "--cli-connect-timeout",
          "--cli-binary-format");

  /** Options that take no value (global ones and the s3 high-level commands' switches). */
  private static final Set<String> SWITCHES =
      Set.of(
          "--debug",
          "--no-verify-ssl",
          "--no-paginate",
          "--no-cli-pager",
          "--no-sign-request",
          "--no-cli-auto-prompt",
          "--recursive",
          "--dryrun",
          "--quiet",
          "--no-progress",
          "--only-show-errors",
          "--human-readable",
          "--summarize",
          "--force",
          "--follow-symlinks",
          "--no-follow-symlinks");

  static AwsArgs parse(List<String> args) {
    String service = null;
    String command = null;
    String profile = null;
    String region = null;
    String endpoint = null;
    List<String> operands = new java.util.ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String value = null;
      String option = a;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        option = a.substring(0, eq);
        value = a.substring(eq + 1);
      }
      if (VALUED.contains(option)) {
        if (value == null && i + 1 < args.size()) {
          value = args.get(++i);
        }
        switch (option) {
          case "--profile" -> profile = value;
          case "--region" -> region = value;
          case "--endpoint-url" -> endpoint = value;
          default -> {}
        }
      } else if (SWITCHES.contains(a) || a.startsWith("--no-")) {
        continue;
      } else if (a.startsWith("--")) {
        // an operation's own option: its value, if any, follows; not an operand
        if (service != null
            && command != null
            && i + 1 < args.size()
            && !args.get(i + 1).startsWith("--")
            && !isS3Path(args.get(i + 1))) {
          i++;
        }
      } else if (service == null) {
        service = a;
      } else if (command == null) {
        command = a;
      } else {
        operands.add(a);
      }
    }
    return new AwsArgs(service, command, profile, region, endpoint, List.copyOf(operands));
  }

  private static boolean isS3Path(String s) {
    return s.startsWith("s3://");
  }
}
