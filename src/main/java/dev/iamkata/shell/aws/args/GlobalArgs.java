package dev.iamkata.shell.aws.args;

import dev.iamkata.shell.aws.AwsCliException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes the CLI's global options out of a command line. Like argparse, they may stand anywhere
 * ({@code aws iam list-users --output json}) and take {@code --name value} or {@code --name=value}.
 */
public final class GlobalArgs {
  /** Options with a value. */
  private static final Set<String> VALUED =
      Set.of(
          "--region",
          "--profile",
          "--endpoint-url",
          "--output",
          "--query",
          "--color",
          "--ca-bundle",
          "--cli-read-timeout",
          "--cli-connect-timeout",
          "--cli-binary-format");

  /** Switches that change nothing here (no pager, no TLS, no prompts). */
  private static final Set<String> SWITCHES =
      Set.of(
          "--debug",
          "--no-paginate",
          "--no-sign-request",
          "--no-cli-pager",
          "--no-verify-ssl",
          "--no-cli-auto-prompt",
          "--cli-auto-prompt");

  private static final Set<String> OUTPUTS = Set.of("json", "text", "table", "yaml", "yaml-stream");

  private static final Set<String> BINARY_FORMATS = Set.of("base64", "raw-in-base64-out");

  private GlobalArgs() {}

  /** Splits {@code args} into global options and the rest. */
  public static GlobalOptions parse(List<String> args) {
    Map<String, String> values = new HashMap<>();
    Set<String> switches = new java.util.HashSet<>();
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String name = a;
      String inline = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        name = a.substring(0, eq);
        inline = a.substring(eq + 1);
      }
      if (VALUED.contains(name)) {
        String v = inline;
        if (v == null) {
          if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw AwsCliException.usage("argument " + name + ": expected one argument");
          }
          v = args.get(++i);
        }
        values.put(name, v);
      } else if (SWITCHES.contains(a)) {
        switches.add(a);
      } else {
        rest.add(a);
      }
    }
    String output = values.get("--output");
    if (output != null && !OUTPUTS.contains(output)) {
      throw AwsCliException.usage(
          "argument --output: Invalid choice, valid choices are:\n\n"
              + "json                                     | text                                    \n"
              + "table                                    | yaml                                    \n"
              + "yaml-stream                             ");
    }
    String binary = values.get("--cli-binary-format");
    if (binary != null && !BINARY_FORMATS.contains(binary)) {
      throw AwsCliException.usage(
          "argument --cli-binary-format: Invalid choice, valid choices are:\n\n"
              + "base64                                   | raw-in-base64-out                       ");
    }
    return new GlobalOptions(
        values.get("--region"),
        values.get("--profile"),
        values.get("--endpoint-url"),
        output,
        values.get("--query"),
        switches.contains("--debug"),
        switches.contains("--no-paginate"),
        switches.contains("--no-sign-request"),
        "raw-in-base64-out".equals(binary),
        rest);
  }
}
