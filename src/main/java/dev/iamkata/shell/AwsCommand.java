package dev.iamkata.shell;

import dev.iamkata.lesson.AwsCall;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell's {@code aws}: hands the invocation to the current {@link AwsExecutor} and records an
 * {@link AwsCall} (service, command, operation, profile, key, exit code, AWS error code) for the
 * checks that ask what the learner ran.
 */
final class AwsCommand implements ShellCommand {
  private static final Pattern ERROR =
      Pattern.compile("An error occurred \\(([^)]+)\\)(?: when calling the (\\w+) operation)?");

  private final AwsModes modes;

  AwsCommand(AwsModes modes) {
    this.modes = modes;
  }

  @Override
  public int run(Call call) throws InterruptedException {
    AwsExecutor executor = modes.current();
    if (executor == null) {
      call.err().append("kata: no aws available: install the aws CLI or use a build with the");
      call.err().append(" built-in aws\n");
      return 127;
    }
    AwsExecutor.Result r =
        executor.execute(
            new AwsExecutor.Invocation(
                call.args(), call.shell().workspace(), call.environment(), call.stdin()));
    call.out().append(r.stdout());
    call.err().append(r.stderr());
    call.shell().recordAwsCall(describe(call, r));
    return r.exitCode();
  }

  private static AwsCall describe(Call call, AwsExecutor.Result r) {
    AwsArgs a = AwsArgs.parse(call.args());
    Matcher m = ERROR.matcher(r.stderr());
    String errorCode = null;
    String operation = r.operation() != null ? r.operation() : AwsOperations.operation(a);
    if (m.find()) {
      errorCode = m.group(1);
      if (m.group(2) != null) {
        operation = m.group(2);
      }
    }
    Map<String, String> env = call.environment();
    String envKey = env.get("AWS_ACCESS_KEY_ID");
    String profile = a.profile();
    String key = r.accessKeyId();
    if (profile == null && envKey != null) {
      key = key != null ? key : envKey;
    } else {
      if (profile == null) {
        profile = env.get("AWS_PROFILE");
      }
      if (key == null) {
        key =
            ProfileFiles.read(call.shell().workspace())
                .get(profile == null ? "default" : profile, "aws_access_key_id");
      }
    }
    return new AwsCall(a.service(), a.command(), operation, profile, key, r.exitCode(), errorCode);
  }
}
