package dev.iamkata.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * {@code aws lambda create-function} with the real aws CLI: a role Lambda cannot assume, a user
 * allowed {@code lambda:*} but not {@code iam:PassRole}, and the admin's create, get, list and
 * delete. Skipped, with the reason shown, without {@code aws}.
 */
@Tag("slow")
class LambdaCliIT {
  static final String ACCOUNT = TestEngine.ACCOUNT;
  static final ObjectMapper JSON = new ObjectMapper();

  TestEngine engine;
  AwsCli aws;
  Path zip;
  String roleArn;
  String ec2RoleArn;

  @BeforeEach
  void setUp() throws IOException {
    Assumptions.assumeTrue(
        AwsCli.executable() != null, "no aws executable on PATH: real-CLI tests skipped");
    engine = TestEngine.start();
    aws = new AwsCli(engine.endpoint());
    aws.profile("admin", TestEngine.ADMIN.accessKeyId(), TestEngine.ADMIN.secretAccessKey(), null);
    zip = Files.createTempFile("fn", ".zip");
    try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new java.util.zip.ZipEntry("index.py"));
      out.write("def handler(event, context):\n    return event\n".getBytes());
      out.closeEntry();
    }
    IamClient iam = engine.adminIam();
    roleArn =
        iam.createRole(r -> r.roleName("fn-role").assumeRolePolicyDocument(LambdaIT.LAMBDA_TRUST))
            .role()
            .arn();
    ec2RoleArn =
        iam.createRole(r -> r.roleName("ec2-role").assumeRolePolicyDocument(LambdaIT.EC2_TRUST))
            .role()
            .arn();
  }

  @AfterEach
  void tearDown() throws IOException {
    if (engine != null) {
      aws.close();
      engine.close();
      Files.deleteIfExists(zip);
    }
  }

  AwsCli.Result create(String profile, String role) {
    return aws.run(
        profile,
        "lambda",
        "create-function",
        "--function-name",
        "f1",
        "--runtime",
        "python3.12",
        "--handler",
        "index.handler",
        "--role",
        role,
        "--zip-file",
        "fileb://" + zip.toAbsolutePath(),
        "--region",
        "us-east-1");
  }

  JsonNode ok(AwsCli.Result r) throws IOException {
    assertEquals(0, r.exitCode(), r.toString());
    return r.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.stdout());
  }

  @Test
  void untrustedRoleIsRefused() {
    AwsCli.Result r = create("admin", ec2RoleArn);
    assertNotEquals(0, r.exitCode(), r.toString());
    assertEquals("InvalidParameterValueException", r.errorCode(), r.toString());
    assertTrue(
        r.stderr().contains("The role defined for the function cannot be assumed by Lambda."),
        r.toString());
  }

  @Test
  void withoutPassRoleTheUserIsDenied() {
    IamClient iam = engine.adminIam();
    iam.createUser(b -> b.userName("dev"));
    iam.putUserPolicy(
        b ->
            b.userName("dev")
                .policyName("lambda")
                .policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"lambda:*\",\"Resource\":\"*\"}]}"));
    var key = iam.createAccessKey(b -> b.userName("dev")).accessKey();
    aws.profile("dev", key.accessKeyId(), key.secretAccessKey(), null);
    AwsCli.Result r = create("dev", roleArn);
    assertEquals("AccessDeniedException", r.errorCode(), r.toString());
    assertTrue(
        r.stderr()
            .contains(
                "User: arn:aws:iam::"
                    + ACCOUNT
                    + ":user/dev is not authorized to perform: iam:PassRole on resource: "
                    + roleArn
                    + " because no identity-based policy allows the iam:PassRole action"),
        r.toString());
  }

  @Test
  void adminCreatesGetsListsAndDeletes() throws IOException {
    JsonNode created = ok(create("admin", roleArn));
    String arn = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:f1";
    assertEquals(arn, created.path("FunctionArn").asText());
    JsonNode got =
        ok(
            aws.run(
                "admin",
                "lambda",
                "get-function",
                "--function-name",
                "f1",
                "--region",
                "us-east-1"));
    assertEquals(roleArn, got.path("Configuration").path("Role").asText());
    JsonNode list = ok(aws.run("admin", "lambda", "list-functions", "--region", "us-east-1"));
    assertEquals("f1", list.path("Functions").path(0).path("FunctionName").asText());
    ok(
        aws.run(
            "admin",
            "lambda",
            "delete-function",
            "--function-name",
            "f1",
            "--region",
            "us-east-1"));
    AwsCli.Result gone =
        aws.run(
            "admin", "lambda", "get-function", "--function-name", "f1", "--region", "us-east-1");
    assertEquals("ResourceNotFoundException", gone.errorCode(), gone.toString());
    assertTrue(gone.stderr().contains("Function not found: " + arn), gone.toString());
  }
}
