package dev.iamkata.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The DynamoDB article's lines with the real aws CLI: tables and items as the admin, then {@code
 * aws dynamodb list-tables} denied as {@code dev-role/dev-session}, and ExpiredTokenException once
 * the clock passes the session's expiry. Skipped, with the reason shown, without {@code aws}.
 */
@Tag("slow")
class DynamoDbCliIT {
  static final String ACCOUNT = TestEngine.ACCOUNT;
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
  void tablesAndItemsAsAdmin() throws IOException {
    JsonNode created =
        ok(
            aws.run(
                "admin",
                "dynamodb",
                "create-table",
                "--table-name",
                "notes",
                "--attribute-definitions",
                "AttributeName=id,AttributeType=S",
                "--key-schema",
                "AttributeName=id,KeyType=HASH",
                "--billing-mode",
                "PAY_PER_REQUEST"));
    assertEquals(
        "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/notes",
        created.at("/TableDescription/TableArn").asText());
    ok(aws.run("admin", "dynamodb", "wait", "table-exists", "--table-name", "notes"));
    assertEquals(
        "notes", ok(aws.run("admin", "dynamodb", "list-tables")).at("/TableNames/0").asText());
    ok(
        aws.run(
            "admin",
            "dynamodb",
            "put-item",
            "--table-name",
            "notes",
            "--item",
            "{\"id\":{\"S\":\"n1\"},\"text\":{\"S\":\"hello\"},\"n\":{\"N\":\"1\"}}"));
    JsonNode item =
        ok(
            aws.run(
                "admin",
                "dynamodb",
                "get-item",
                "--table-name",
                "notes",
                "--key",
                "{\"id\":{\"S\":\"n1\"}}"));
    assertEquals("hello", item.at("/Item/text/S").asText());
    JsonNode scan =
        ok(
            aws.run(
                "admin",
                "dynamodb",
                "scan",
                "--table-name",
                "notes",
                "--filter-expression",
                "n = :one",
                "--expression-attribute-values",
                "{\":one\":{\"N\":\"1\"}}"));
    assertEquals(1, scan.path("Count").asInt());
    ok(aws.run("admin", "dynamodb", "delete-table", "--table-name", "notes"));
  }

  @Test
  void listTablesDeniedThenExpired() throws IOException {
    IamClient iam = engine.adminIam();
    iam.createUser(b -> b.userName("dev-user"));
    var key = iam.createAccessKey(b -> b.userName("dev-user")).accessKey();
    String roleArn = "arn:aws:iam::" + ACCOUNT + ":role/dev-role";
    iam.putUserPolicy(
        b ->
            b.userName("dev-user")
                .policyName("assume")
                .policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                        + "\"sts:AssumeRole\",\"Resource\":\""
                        + roleArn
                        + "\"}]}"));
    iam.createRole(
        b ->
            b.roleName("dev-role")
                .assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                        + "{\"AWS\":\"arn:aws:iam::"
                        + ACCOUNT
                        + ":user/dev-user\"},\"Action\":\"sts:AssumeRole\"}]}"));
    Credentials c =
        engine
            .sts(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))
            .assumeRole(b -> b.roleArn(roleArn).roleSessionName("dev-session"))
            .credentials();
    aws.profile("dev-session", c.accessKeyId(), c.secretAccessKey(), c.sessionToken());

    AwsCli.Result denied = aws.run("dev-session", "dynamodb", "list-tables");
    assertTrue(denied.exitCode() != 0, denied.toString());
    assertTrue(
        denied
            .stderr()
            .contains(
                "An error occurred (AccessDeniedException) when calling the ListTables operation:"
                    + " User: arn:aws:sts::"
                    + ACCOUNT
                    + ":assumed-role/dev-role/dev-session is not authorized to perform:"
                    + " dynamodb:ListTables on resource: arn:aws:dynamodb:us-east-1:"
                    + ACCOUNT
                    + ":table/* because no identity-based policy allows the dynamodb:ListTables"
                    + " action"),
        denied.stderr());

    engine.engine().clock().advance(Duration.ofHours(1));
    AwsCli.Result expired = aws.run("dev-session", "dynamodb", "list-tables");
    assertEquals("ExpiredTokenException", expired.errorCode(), expired.toString());
    assertTrue(
        expired
            .stderr()
            .contains(
                "when calling the ListTables operation: The security token included in the"
                    + " request is expired"),
        expired.stderr());
  }
}
