package dev.iamkata.shell;

import dev.iamkata.lesson.Workspace;
import dev.iamkata.shell.aws.BuiltinAws;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The built-in aws ({@link BuiltinAws}, in-process) as the shell's executor. It sees only the
 * learner's exported variables, with HOME, the config and credentials files and AWS_ENDPOINT_URL
 * pinned to the sandbox and the lesson's backend. One instance (one HTTP client) per shell.
 */
public final class BuiltinAwsExecutor implements AwsExecutor, AutoCloseable {
  private BuiltinAws aws;

  @Override
  public String name() {
    return "builtin";
  }

  private synchronized BuiltinAws aws() {
    if (aws == null) {
      aws = BuiltinAws.create();
    }
    return aws;
  }

  @Override
  public Result execute(Invocation inv) {
    Result refused = AwsGuard.refusal(inv);
    if (refused != null) {
      return refused;
    }
    Workspace ws = inv.workspace();
    Map<String, String> env = new LinkedHashMap<>(inv.environment());
    env.keySet().removeIf(k -> k.startsWith("AWS_ENDPOINT_URL_"));
    env.remove("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
    env.put("HOME", ws.home().toString());
    env.put("AWS_CONFIG_FILE", ws.awsConfigFile().toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", ws.awsCredentialsFile().toString());
    env.put("AWS_ENDPOINT_URL", ws.endpoint());
    if (!env.containsKey("AWS_REGION") && !env.containsKey("AWS_DEFAULT_REGION")) {
      AwsArgs parsed = AwsArgs.parse(inv.args());
      String profile =
          parsed.profile() != null ? parsed.profile() : env.getOrDefault("AWS_PROFILE", "default");
      if (parsed.region() == null && ProfileFiles.read(ws).get(profile, "region") == null) {
        env.put("AWS_DEFAULT_REGION", ws.region());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code =
          aws()
              .run(
                  inv.args(),
                  env,
                  ws.cwd(),
                  new ByteArrayInputStream(inv.stdin().getBytes(StandardCharsets.UTF_8)),
                  o,
                  e,
                  ws.endpoint());
    }
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Override
  public synchronized void close() {
    if (aws != null) {
      aws.close();
      aws = null;
    }
  }
}
