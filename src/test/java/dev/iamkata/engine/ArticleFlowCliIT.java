package dev.iamkata.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamkata.cli.Main;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The first article's flow exactly as a learner types it, with the real aws CLI in a throw-away
 * HOME against the engine, ending with {@code kata clock advance 1h} and ExpiredToken. Skipped,
 * with the reason shown, when no {@code aws} is on PATH.
 */
@Tag("slow")
class ArticleFlowCliIT {
  static final String ACCOUNT = TestEngine.ACCOUNT;
  static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/dev-role";
  static final ObjectMapper JSON = new ObjectMapper();

  TestEngine engine;
  AwsCli aws;

  @BeforeEach
  void setUp() {
    Assumptions.assumeTrue(
        AwsCli.executable() != null, "no aws executable on PATH: real-CLI tests skipped");
    engine = TestEngine.start();
    aws = new AwsCli(engine.endpoint());
    aws.profile("admin", TestEngine.ADMIN.accessKeyId(), TestEngine.ADMIN.secretAccessKey(), null);
  }

  @AfterEach
  void tearDown() throws IOException {
    if (engine != null) {
      aws.close();
      engine.close();
    }
  }

  JsonNode ok(AwsCli.Result r) throws IOException {
    assertEquals(0, r.exitCode(), r.toString());
    return r.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.stdout());
  }

  @Test
  void firstArticleEndToEnd() throws IOException {
    JsonNode user = ok(aws.run("admin", "iam", "create-user", "--user-name", "dev-user"));
    assertTrue(user.at("/User/UserId").asText().startsWith("AIDA"));
    JsonNode key = ok(aws.run("admin", "iam", "create-access-key", "--user-name", "dev-user"));
    aws.profile(
        "dev-user",
        key.at("/AccessKey/AccessKeyId").asText(),
        key.at("/AccessKey/SecretAccessKey").asText(),
        null);
    assertEquals(
        "arn:aws:iam::" + ACCOUNT + ":user/dev-user",
        ok(aws.run("dev-user", "sts", "get-caller-identity")).path("Arn").asText());

    String trust =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
            + "\"arn:aws:iam::"
            + ACCOUNT
            + ":user/dev-user\"},\"Action\":\"sts:AssumeRole\"}]}";
    JsonNode role =
        ok(
            aws.run(
                "admin",
                "iam",
                "create-role",
                "--role-name",
                "dev-role",
                "--assume-role-policy-document",
                trust));
    assertTrue(role.at("/Role/RoleId").asText().startsWith("AROA"));
    assertEquals(
        "sts:AssumeRole", role.at("/Role/AssumeRolePolicyDocument/Statement/0/Action").asText());

    AwsCli.Result denied =
        aws.run(
            "dev-user",
            "sts",
            "assume-role",
            "--role-arn",
            ROLE_ARN,
            "--role-session-name",
            "dev-session");
    assertEquals("AccessDenied", denied.errorCode(), denied.toString());
    assertTrue(
        denied
            .stderr()
            .contains(
                "An error occurred (AccessDenied) when calling the AssumeRole operation: User:"
                    + " arn:aws:iam::"
                    + ACCOUNT
                    + ":user/dev-user is not authorized to perform:"
                    + " sts:AssumeRole on resource: "
                    + ROLE_ARN),
        denied.stderr());

    ok(
        aws.run(
            "admin",
            "iam",
            "put-user-policy",
            "--user-name",
            "dev-user",
            "--policy-name",
            "assume",
            "--policy-document",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"sts:AssumeRole\",\"Resource\":\""
                + ROLE_ARN
                + "\"}]}"));
    JsonNode assumed =
        ok(
            aws.run(
                "dev-user",
                "sts",
                "assume-role",
                "--role-arn",
                ROLE_ARN,
                "--role-session-name",
                "dev-session"));
    assertEquals(
        "arn:aws:sts::" + ACCOUNT + ":assumed-role/dev-role/dev-session",
        assumed.at("/AssumedRoleUser/Arn").asText());
    aws.profile(
        "dev-session",
        assumed.at("/Credentials/AccessKeyId").asText(),
        assumed.at("/Credentials/SecretAccessKey").asText(),
        assumed.at("/Credentials/SessionToken").asText());
    JsonNode me = ok(aws.run("dev-session", "sts", "get-caller-identity"));
    assertTrue(me.path("UserId").asText().endsWith(":dev-session"));

    AwsCli.Result listUsers = aws.run("dev-session", "iam", "list-users");
    assertEquals("AccessDenied", listUsers.errorCode(), listUsers.toString());
    assertTrue(
        listUsers
            .stderr()
            .contains("because no identity-based policy allows the iam:ListUsers action"),
        listUsers.stderr());

    if (AwsCli.honoursEndpointEnvironment()) {
      aws.roleProfile("dev-role-profile", ROLE_ARN, "dev-user");
      assertTrue(
          ok(aws.run("dev-role-profile", "sts", "get-caller-identity"))
              .path("Arn")
              .asText()
              .startsWith("arn:aws:sts::" + ACCOUNT + ":assumed-role/dev-role/"));
    }

    int exit =
        Main.commandLine()
            .execute(
                "clock",
                "advance",
                "1h",
                "--endpoint",
                engine.endpoint(),
                "--admin-key",
                TestEngine.ADMIN.toString());
    assertEquals(0, exit);
    AwsCli.Result expired = aws.run("dev-session", "sts", "get-caller-identity");
    assertEquals("ExpiredToken", expired.errorCode(), expired.toString());
    assertTrue(
        expired.stderr().contains("The security token included in the request is expired"),
        expired.stderr());
    ok(aws.run("dev-user", "sts", "get-caller-identity"));
  }
}
