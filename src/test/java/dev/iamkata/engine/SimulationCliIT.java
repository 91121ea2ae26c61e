package dev.iamkata.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The policy simulator with the real aws CLI: {@code aws iam simulate-custom-policy
 * --policy-input-list file://p.json ...} prints what it prints against AWS. As the CLI's own
 * documentation for this parameter says, the file holds a JSON list of policy documents (each a
 * string). Skipped, with the reason shown, when no {@code aws} is on PATH.
 */
@Tag("slow")
class SimulationCliIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String POLICY =
      "{\n"
          + "  \"Version\": \"2012-10-17\",\n"
          + "  \"Statement\": [\n"
          + "    {\n"
          + "      \"Effect\": \"Allow\",\n"
          + "      \"Action\": \"s3:GetObject\",\n"
          + "      \"Resource\": \"arn:aws:s3:::b/*\",\n"
          + "      \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}}\n"
          + "    }\n"
          + "  ]\n"
          + "}\n";

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
    dir = Files.createTempDirectory("kata-sim");
    Files.writeString(dir.resolve("p.json"), JSON.writeValueAsString(List.of(POLICY)));
  }

  @AfterEach
  void tearDown() throws IOException {
    if (engine != null) {
      Files.deleteIfExists(dir.resolve("p.json"));
      Files.deleteIfExists(dir);
      aws.close();
      engine.close();
    }
  }

  JsonNode run(String... args) throws IOException {
    AwsCli.Result r = aws.run("admin", args);
    assertEquals(0, r.exitCode(), r.toString());
    return JSON.readTree(r.stdout());
  }

  @Test
  void simulateCustomPolicyPrintsWhatAwsPrints() throws IOException {
    JsonNode output =
        run(
            "iam",
            "simulate-custom-policy",
            "--policy-input-list",
            "file://" + dir.resolve("p.json"),
            "--action-names",
            "s3:GetObject",
            "--resource-arns",
            "arn:aws:s3:::b/k",
            "--context-entries",
            "ContextKeyName=aws:SourceIp,ContextKeyValues=10.0.0.1,ContextKeyType=ip");
    String statement =
        "{\"SourcePolicyId\":\"PolicyInputList.1\",\"SourcePolicyType\":\"IAM Policy\","
            + "\"StartPosition\":{\"Line\":3,\"Column\":17},"
            + "\"EndPosition\":{\"Line\":9,\"Column\":6}}";
    JsonNode expected =
        JSON.readTree(
            "{\"EvaluationResults\":[{"
                + "\"EvalActionName\":\"s3:GetObject\","
                + "\"EvalResourceName\":\"arn:aws:s3:::b/k\","
                + "\"EvalDecision\":\"allowed\","
                + "\"MatchedStatements\":["
                + statement
                + "],"
                + "\"MissingContextValues\":[],"
                + "\"EvalDecisionDetails\":{},"
                + "\"ResourceSpecificResults\":[{"
                + "\"EvalResourceName\":\"arn:aws:s3:::b/k\","
                + "\"EvalResourceDecision\":\"allowed\","
                + "\"MatchedStatements\":["
                + statement
                + "],"
                + "\"MissingContextValues\":[]}]}]}");
    assertEquals(expected, output);
  }

  @Test
  void withoutTheContextKeyTheDecisionIsAnImplicitDenyNamingTheKey() throws IOException {
    JsonNode output =
        run(
            "iam",
            "simulate-custom-policy",
            "--policy-input-list",
            "file://" + dir.resolve("p.json"),
            "--action-names",
            "s3:GetObject");
    JsonNode expected =
        JSON.readTree(
            "{\"EvaluationResults\":[{\"EvalActionName\":\"s3:GetObject\","
                + "\"EvalResourceName\":\"*\",\"EvalDecision\":\"implicitDeny\","
                + "\"MatchedStatements\":[],\"MissingContextValues\":[\"aws:SourceIp\"]}]}");
    assertEquals(expected, output);
  }

  @Test
  void contextKeysOfTheFile() throws IOException {
    assertEquals(
        JSON.readTree("{\"ContextKeyNames\":[\"aws:SourceIp\"]}"),
        run(
            "iam",
            "get-context-keys-for-custom-policy",
            "--policy-input-list",
            "file://" + dir.resolve("p.json")));
  }
}
