package dev.iamkata.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code aws lambda invoke --function-name F --payload … out.json} with the real aws CLI: the
 * function's role reads the table, its denied DeleteTable comes back as a function error, and
 * {@code --log-type Tail} returns the log. CLI v2 reads {@code --payload} as base64 unless given
 * {@code --cli-binary-format raw-in-base64-out}; v1 sends it as it is. Skipped, with the reason
 * shown, without {@code aws}.
 */
@Tag("slow")
class LambdaInvokeCliIT {
  static final ObjectMapper JSON = new ObjectMapper();

  TestEngine engine;
  AwsCli aws;
  Path dir;

  @BeforeEach
  void setUp() throws IOException {
    Assumptions.assumeTrue(
        AwsCli.executable() != null, "no aws executable on PATH: real-CLI tests skipped");
    engine = TestEngine.start();
    aws = new AwsCli(engine.endpoint());
    aws.profile("admin", TestEngine.ADMIN.accessKeyId(), TestEngine.ADMIN.secretAccessKey(), null);
    dir = Files.createTempDirectory("kata-invoke");
    var iam = engine.adminIam();
    iam.createRole(r -> r.roleName("fn-role").assumeRolePolicyDocument(LambdaIT.LAMBDA_TRUST));
    iam.putRolePolicy(
        r -> r.roleName("fn-role").policyName("read").policyDocument(LambdaInvokeIT.ROLE_POLICY));
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
    ok(
        aws.run(
            "admin",
            "dynamodb",
            "put-item",
            "--table-name",
            "notes",
            "--item",
            "{\"id\":{\"S\":\"n1\"},\"text\":{\"S\":\"hello from the table\"}}"));
    create("reader", LambdaInvokeIT.READER);
    create("deleter", LambdaInvokeIT.DELETER);
  }

  @AfterEach
  void tearDown() throws IOException {
    if (engine != null) {
      aws.close();
      engine.close();
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  void create(String name, String handler) throws IOException {
    Path zip = dir.resolve(name + ".zip");
    Files.write(zip, LambdaInvokeIT.zip("handler.yaml", handler));
    ok(
        aws.run(
            "admin",
            "lambda",
            "create-function",
            "--function-name",
            name,
            "--runtime",
            "python3.12",
            "--handler",
            "handler.yaml",
            "--role",
            "arn:aws:iam::" + TestEngine.ACCOUNT + ":role/fn-role",
            "--zip-file",
            "fileb://" + zip.toAbsolutePath()));
  }

  /** {@code aws lambda invoke}, with the raw-payload flag CLI v2 needs. */
  AwsCli.Result invoke(String name, String payload, Path out, String... more) {
    List<String> args =
        new ArrayList<>(List.of("lambda", "invoke", "--function-name", name, "--payload", payload));
    if (cliV2()) {
      args.addAll(List.of("--cli-binary-format", "raw-in-base64-out"));
    }
    args.addAll(List.of(more));
    args.add(out.toString());
    return aws.run("admin", args.toArray(String[]::new));
  }

  static boolean cliV2() {
    try {
      Process p =
          new ProcessBuilder(AwsCli.executable().toString(), "--version")
              .redirectErrorStream(true)
              .start();
      String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      return version.startsWith("aws-cli/2");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static JsonNode ok(AwsCli.Result r) throws IOException {
    assertEquals(0, r.exitCode(), r.toString());
    return r.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.stdout());
  }

  @Test
  void theFunctionReadsTheTableAsItsRole() throws IOException {
    Path out = dir.resolve("out.json");
    JsonNode printed = ok(invoke("reader", "{\"id\":\"n1\"}", out));
    assertEquals(200, printed.path("StatusCode").asInt(), printed.toString());
    assertEquals("$LATEST", printed.path("ExecutedVersion").asText());
    assertFalse(printed.has("FunctionError"), printed.toString());
    JsonNode result = JSON.readTree(Files.readString(out));
    assertEquals("hello from the table", result.path("text").asText());
  }

  @Test
  void aDeniedDeleteIsAnUnhandledFunctionError() throws IOException {
    Path out = dir.resolve("out.json");
    JsonNode printed = ok(invoke("deleter", "{}", out, "--log-type", "Tail"));
    assertEquals("Unhandled", printed.path("FunctionError").asText(), printed.toString());
    JsonNode error = JSON.readTree(Files.readString(out));
    assertEquals("AccessDeniedException", error.path("errorType").asText());
    assertTrue(
        error
            .path("errorMessage")
            .asText()
            .startsWith(
                "User: arn:aws:sts::"
                    + TestEngine.ACCOUNT
                    + ":assumed-role/fn-role/deleter is not authorized to perform:"
                    + " dynamodb:DeleteTable"),
        error.toString());
    String log =
        new String(
            Base64.getDecoder().decode(printed.path("LogResult").asText()), StandardCharsets.UTF_8);
    assertTrue(log.startsWith("START RequestId: "), log);
    assertTrue(log.contains("\tERROR\tdynamodb.DeleteTable: AccessDeniedException: User: "), log);
    assertTrue(log.contains("\nREPORT RequestId: "), log);
  }
}
