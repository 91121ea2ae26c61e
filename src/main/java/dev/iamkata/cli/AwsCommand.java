package dev.iamkata.cli;

import dev.iamkata.shell.aws.BuiltinAws;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code kata aws ARGS...}: the built-in aws once, from an ordinary shell. It reads the process's
 * environment as aws CLI v2 does ({@code AWS_ENDPOINT_URL}, {@code AWS_PROFILE}, the config and
 * credentials files, the credential variables); {@code KATA_ENDPOINT} names the lesson backend when
 * neither {@code --endpoint-url} nor {@code AWS_ENDPOINT_URL} does. With no endpoint at all it
 * refuses: iam-kata never calls real AWS.
 */
@Command(
    name = "aws",
    description = {
      "Run the built-in aws CLI (v2 grammar and output) once.",
      "Calls go to --endpoint-url, AWS_ENDPOINT_URL or KATA_ENDPOINT; never to real AWS."
    })
final class AwsCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "ARGS", description = "as for the aws CLI")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    try (BuiltinAws aws = BuiltinAws.create()) {
      String endpoint = System.getenv("KATA_ENDPOINT");
      return aws.run(
          args,
          System.getenv(),
          Path.of("").toAbsolutePath(),
          System.in,
          System.out,
          System.err,
          endpoint == null || endpoint.isEmpty() ? null : endpoint);
    }
  }
}
