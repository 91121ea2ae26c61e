package dev.iamkata.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iamkata.engine.TestEngine;
import dev.iamkata.lesson.AwsCall;
import dev.iamkata.lesson.CommandResult;
import dev.iamkata.lesson.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell with the real aws CLI from PATH against an engine: the session-credentials flow. */
class SystemAwsIT {
  static TestEngine engine;
  static SystemAws aws;

  @TempDir Path home;

  @BeforeAll
  static void start() {
    aws = SystemAws.onPath();
    assumeTrue(aws != null, "no aws CLI on PATH: the system-aws integration test is skipped");
    engine = TestEngine.start();
  }

  @AfterAll
  static void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void assumeRoleIntoAProfileWithReadAndConfigureSet() throws Exception {
    Workspace ws = new Workspace(home, engine.endpoint(), "us-east-1");
    ShellCommandRunner runner = new ShellCommandRunner(new AwsModes(List.of(aws), null));
    ok(runner, ws, "export AWS_ACCESS_KEY_ID=" + TestEngine.ADMIN.accessKeyId());
    ok(runner, ws, "export AWS_SECRET_ACCESS_KEY=" + TestEngine.ADMIN.secretAccessKey());
    CommandResult who = ok(runner, ws, "aws sts get-caller-identity");
    assertTrue(who.stdout().contains("\"Account\": \"123456789012\""), who.stdout());
    AwsCall call = who.awsCalls().get(0);
    assertEquals("GetCallerIdentity", call.operation());
    assertEquals(TestEngine.ADMIN.accessKeyId(), call.accessKeyId());
    assertNull(call.profile());

    ok(
        runner,
        ws,
        "cat > trust-policy.json <<'EOF'\n"
            + "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\",\n"
            + " \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"},\n"
            + " \"Action\": \"sts:AssumeRole\"}]}\n"
            + "EOF");
    ok(
        runner,
        ws,
        "aws iam create-role --role-name dev-role"
            + " --assume-role-policy-document file://trust-policy.json > /dev/null");
    CommandResult assume =
        ok(
            runner,
            ws,
            "read -r AK SK ST <<< \"$(aws sts assume-role --role-arn"
                + " arn:aws:iam::123456789012:role/dev-role --role-session-name dev-session"
                + " --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]'"
                + " --output text)\"");
    assertEquals("AssumeRole", assume.awsCalls().get(0).operation());
    ok(runner, ws, "aws configure set aws_access_key_id \"$AK\" --profile dev-session");
    ok(runner, ws, "aws configure set aws_secret_access_key \"$SK\" --profile dev-session");
    ok(runner, ws, "aws configure set aws_session_token \"$ST\" --profile dev-session");
    assertTrue(Files.readString(home.resolve(".aws/credentials")).contains("[dev-session]"));

    CommandResult session =
        ok(
            runner,
            ws,
            "aws sts get-caller-identity --profile dev-session --query Arn --output text");
    assertEquals("arn:aws:sts::123456789012:assumed-role/dev-role/dev-session\n", session.stdout());
    AwsCall sessionCall = session.awsCalls().get(0);
    assertEquals("dev-session", sessionCall.profile());
    assertTrue(sessionCall.accessKeyId().startsWith("ASIA"), sessionCall.accessKeyId());
  }

  @Test
  void recordsTheErrorCodeAndOperationOfAFailure() throws Exception {
    Workspace ws = new Workspace(home, engine.endpoint(), "us-east-1");
    ShellCommandRunner runner = new ShellCommandRunner(new AwsModes(List.of(aws), null));
    runner.run("export AWS_ACCESS_KEY_ID=" + TestEngine.ADMIN.accessKeyId(), ws);
    runner.run("export AWS_SECRET_ACCESS_KEY=" + TestEngine.ADMIN.secretAccessKey(), ws);
    CommandResult r = runner.run("aws iam get-role --role-name nope || echo \"rc=$?\"", ws);
    assertTrue(r.stdout().matches("rc=25[45]\n"), r.stdout());
    AwsCall call = r.awsCalls().get(0);
    assertEquals("NoSuchEntity", call.errorCode());
    assertEquals("GetRole", call.operation());
    assertTrue(call.exitCode() == 254 || call.exitCode() == 255);
  }

  @Test
  void refusesAnotherEndpointAndConfigOutsideTheSandbox() throws Exception {
    Workspace ws = new Workspace(home, engine.endpoint(), "us-east-1");
    ShellCommandRunner runner = new ShellCommandRunner(new AwsModes(List.of(aws), null));
    CommandResult r =
        runner.run("aws sts get-caller-identity --endpoint-url https://sts.amazonaws.com", ws);
    assertEquals(252, r.exitCode());
    assertTrue(r.stderr().contains("fixed to the lesson's backend"), r.stderr());
    r = runner.run("AWS_CONFIG_FILE=/etc/passwd aws sts get-caller-identity", ws);
    assertEquals(253, r.exitCode());
    assertTrue(r.stderr().contains("outside the kata sandbox"), r.stderr());
  }

  private static CommandResult ok(ShellCommandRunner runner, Workspace ws, String line)
      throws InterruptedException {
    CommandResult r = runner.run(line, ws);
    assertEquals(0, r.exitCode(), line + "\n" + r.stdout() + r.stderr());
    return r;
  }
}
