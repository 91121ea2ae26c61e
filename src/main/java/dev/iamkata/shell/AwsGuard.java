package dev.iamkata.shell;

import dev.iamkata.lesson.Workspace;
import java.util.List;

/**
 * What both aws executors refuse before running anything: an {@code --endpoint-url} or an instance
 * metadata endpoint other than the lesson's backend, and config or credentials files outside the
 * sandbox. A learner's shell never reaches another endpoint or the real {@code ~/.aws}.
 */
final class AwsGuard {
  private AwsGuard() {}

  /** The refusal for {@code inv}, or null when it may run. */
  static AwsExecutor.Result refusal(AwsExecutor.Invocation inv) {
    Workspace ws = inv.workspace();
    AwsArgs parsed = AwsArgs.parse(inv.args());
    if (parsed.endpointUrl() != null && !parsed.endpointUrl().equals(ws.endpoint())) {
      return new AwsExecutor.Result(
          252,
          "",
          "kata: --endpoint-url is fixed to the lesson's backend ("
              + ws.endpoint()
              + ") in this shell\n");
    }
    // the instance metadata service is the backend's too: never the real 169.254.169.254
    String imds = inv.environment().get("AWS_EC2_METADATA_SERVICE_ENDPOINT");
    if (imds != null && !imds.isEmpty() && !imds.startsWith(ws.endpoint() + "/")) {
      return new AwsExecutor.Result(
          253,
          "",
          "kata: AWS_EC2_METADATA_SERVICE_ENDPOINT must be on the lesson's backend ("
              + ws.endpoint()
              + "/_imds/INSTANCE_ID) in this shell\n");
    }
    for (String file : List.of("AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE")) {
      String set = inv.environment().get(file);
      if (set != null) {
        try {
          Sandbox.resolve(ws, set);
        } catch (Sandbox.Denied e) {
          return new AwsExecutor.Result(253, "", "kata: " + file + "=" + e.getMessage() + "\n");
        }
      }
    }
    return null;
  }
}
