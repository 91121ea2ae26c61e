package dev.iamkata.cli;

import dev.iamkata.backend.Backend;
import dev.iamkata.backend.BackendException;
import dev.iamkata.backend.BackendOptions;
import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.shell.aws.BuiltinAws;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code kata aws ARGS...}: the built-in aws once, from an ordinary shell. It reads the process's
 * environment as aws CLI v2 does ({@code AWS_ENDPOINT_URL}, {@code AWS_PROFILE}, the config and
 * credentials files, the credential variables); {@code KATA_ENDPOINT} names the lesson backend when
 * neither {@code --endpoint-url} nor {@code AWS_ENDPOINT_URL} does. Given {@code --backend}, {@code
 * --endpoint} or {@code --admin-key} before the service (or without {@code KATA_ENDPOINT}, a
 * settings file naming another backend than the embedded one), the call goes to that backend, as
 * its admin unless the environment has credentials of its own. With no endpoint at all it refuses:
 * iam-kata never calls real AWS.
 */
@Command(
    name = "aws",
    description = {
      "Run the built-in aws CLI (v2 grammar and output) once.",
      "Calls go to --endpoint-url, AWS_ENDPOINT_URL, KATA_ENDPOINT or the backend that",
      "--backend/--endpoint (given before the service) or settings.json name; never to real AWS."
    })
final class AwsCommand implements Callable<Integer> {
  @Mixin BackendOptions backend = new BackendOptions();

  @Parameters(arity = "0..*", paramLabel = "ARGS", description = "as for the aws CLI")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    Map<String, String> env = System.getenv();
    String endpoint = env.get("KATA_ENDPOINT");
    boolean useBackend =
        backend.given()
            || ((endpoint == null || endpoint.isEmpty()) && !"embedded".equals(backend.chosen()));
    if (!useBackend) {
      return run(env, endpoint == null || endpoint.isEmpty() ? null : endpoint);
    }
    try (Backend b = backend.open()) {
      return run(withAdmin(env, b.adminKey(b.accountId())), b.endpoint());
    } catch (BackendException e) {
      System.err.println("kata aws: " + e.getMessage());
      return 1;
    }
  }

  private int run(Map<String, String> env, String endpoint) {
    try (BuiltinAws aws = BuiltinAws.create()) {
      return aws.run(
          args, env, Path.of("").toAbsolutePath(), System.in, System.out, System.err, endpoint);
    }
  }

  /** {@code env} with the admin key as credentials, unless it names credentials of its own. */
  static Map<String, String> withAdmin(Map<String, String> env, AccessKeyPair admin) {
    if (env.containsKey("AWS_ACCESS_KEY_ID") || env.containsKey("AWS_PROFILE")) {
      return env;
    }
    Map<String, String> out = new HashMap<>(env);
    out.put("AWS_ACCESS_KEY_ID", admin.accessKeyId());
    out.put("AWS_SECRET_ACCESS_KEY", admin.secretAccessKey());
    out.remove("AWS_SESSION_TOKEN");
    return out;
  }
}
