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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The shell against an engine with each aws: the built-in one, and the real aws CLI from PATH
 * (skipped visibly when there is none): the session-credentials flow, error records, refusals.
 */
class ShellAwsIT {
  static TestEngine engine;
  static SystemAws system;
  static BuiltinAwsExecutor builtin;

  @TempDir Path home;

  @BeforeAll
  static void start() {
    system = SystemAws.onPath();
    builtin = new BuiltinAwsExecutor();
    engine = TestEngine.start();
  }

  @AfterAll
  static void stop() {
    builtin.close();
    engine.close();
  }

  private static ShellCommandRunner runner(String mode) {
    if (mode.equals("system")) {
      assumeTrue(system != null, "no aws CLI on PATH: the system-aws case is skipped");
      return new ShellCommandRunner(new AwsModes(List.of(system), null));
    }
    return new ShellCommandRunner(new AwsModes(List.of(builtin), null));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"builtin", "system"})
  void assumeRoleIntoAProfileWithReadAndConfigureSet(String mode) throws Exception {
    Workspace ws = new Workspace(home, engine.endpoint(), "us-east-1");
    ShellCommandRunner runner = runner(mode);
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
        "aws iam create-role --role-name dev-role-"
            + mode
            + ""
            + " --assume-role-policy-document file://trust-policy.json > /dev/null");
    CommandResult assume =
        ok(
            runner,
            ws,
            "read -r AK SK ST <<< \"$(aws sts assume-role --role-arn"
                + " arn:aws:iam::123456789012:role/dev-role-"
                + mode
                + " --role-session-name dev-session"
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
    assertEquals(
        "arn:aws:sts::123456789012:assumed-role/dev-role-" + mode + "/dev-session\n",
        session.stdout());
    AwsCall sessionCall = session.awsCalls().get(0);
    assertEquals("dev-session", sessionCall.profile());
    assertTrue(sessionCall.accessKeyId().startsWith("ASIA"), sessionCall.accessKeyId());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"builtin", "system"})
  void recordsTheErrorCodeAndOperationOfAFailure(String mode) throws Exception {
    Workspace ws = new Workspace(home, engine.endpoint(), "us-east-1");
    ShellCommandRunner runner = runner(mode);
    runner.run("export AWS_ACCESS_KEY_ID=" + TestEngine.ADMIN.accessKeyId(), ws);
    runner.run("export AWS_SECRET_ACCESS_KEY=" + TestEngine.ADMIN.secretAccessKey(), ws);
    CommandResult r = runner.run("aws iam get-role --role-name nope || echo \"rc=$?\"", ws);
    assertTrue(r.stdout().matches("rc=25[45]\n"), r.stdout());
    AwsCall call = r.awsCalls().get(0);
    assertEquals("NoSuchEntity", call.errorCode());
    assertEquals("GetRole", call.operation());
    assertTrue(call.exitCode() == 254 || call.exitCode() == 255);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"builtin", "system"})
  void refusesAnotherEndpointAndConfigOutsideTheSandbox(String mode) throws Exception {
    Workspace ws = new Workspace(home, engine.endpoint(), "us-east-1");
    ShellCommandRunner runner = runner(mode);
    CommandResult r =
        runner.run("aws sts get-caller-identity --endpoint-url https://sts.amazonaws.com", ws);
    assertEquals(252, r.exitCode());
    assertTrue(r.stderr().contains("fixed to the lesson's backend"), r.stderr());
    r = runner.run("AWS_CONFIG_FILE=/etc/passwd aws sts get-caller-identity", ws);
    assertEquals(253, r.exitCode());
    assertTrue(r.stderr().contains("outside the kata sandbox"), r.stderr());
    r =
        runner.run(
            "AWS_EC2_METADATA_SERVICE_ENDPOINT=http://169.254.169.254 aws sts get-caller-identity",
            ws);
    assertEquals(253, r.exitCode());
    assertTrue(r.stderr().contains("must be on the lesson's backend"), r.stderr());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"builtin", "system"})
  void onAnInstanceTheCommandsRunAsItsRole(String mode) throws Exception {
    Workspace ws = new Workspace(home, engine.endpoint(), "us-east-1");
    ShellCommandRunner runner = runner(mode);
    IamClient iam = engine.adminIam();
    String role = "instance-role-" + mode;
    iam.createRole(
        r ->
            r.roleName(role)
                .assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},"
                        + "\"Action\":\"sts:AssumeRole\"}]}"));
    iam.createInstanceProfile(b -> b.instanceProfileName(role));
    iam.addRoleToInstanceProfile(b -> b.instanceProfileName(role).roleName(role));
    String instance =
        engine
            .ec2(TestEngine.admin())
            .runInstances(
                b ->
                    b.imageId("ami-0123456789abcdef0")
                        .minCount(1)
                        .maxCount(1)
                        .iamInstanceProfile(p -> p.name(role)))
            .instances()
            .get(0)
            .instanceId();
    ok(
        runner,
        ws,
        "export AWS_EC2_METADATA_SERVICE_ENDPOINT=" + engine.endpoint() + "/_imds/" + instance);
    // no key anywhere: the sandbox's credentials file is missing and nothing is exported
    CommandResult who = ok(runner, ws, "aws sts get-caller-identity --query Arn --output text");
    assertEquals(
        "arn:aws:sts::123456789012:assumed-role/" + role + "/" + instance + "\n", who.stdout());
  }

  private static CommandResult ok(ShellCommandRunner runner, Workspace ws, String line)
      throws InterruptedException {
    CommandResult r = runner.run(line, ws);
    assertEquals(0, r.exitCode(), line + "\n" + r.stdout() + r.stderr());
    return r;
  }
}
