package dev.iamkata.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExercismWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode render(GradeReport report) throws Exception {
    JsonNode node = JSON.readTree(new ExercismWriter().render(report));
    try (InputStream in =
        ExercismWriterTest.class.getResourceAsStream("/grade/exercism-results-v3.schema.json")) {
      JsonSchema schema =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
      Set<ValidationMessage> errors = schema.validate(node);
      assertTrue(errors.isEmpty(), errors.toString());
    }
    return node;
  }

  @Test
  void version3WithOneTestPerCheckLinkedToItsStep() throws Exception {
    JsonNode root = render(Reports.mixed("en"));
    assertEquals(3, root.get("version").asInt());
    assertEquals("fail", root.get("status").asText());
    assertTrue(root.get("message").isNull());
    JsonNode tests = root.get("tests");
    assertEquals(6, tests.size());
    assertEquals(1, tests.get(0).get("task_id").asInt());
    assertTrue(tests.get(0).get("task_id").isInt());
    assertEquals(2, tests.get(1).get("task_id").asInt());
    assertEquals(3, tests.get(5).get("task_id").asInt());
    for (JsonNode t : tests) {
      assertTrue(t.get("name").isTextual());
      assertTrue(List.of("pass", "fail", "error").contains(t.get("status").asText()));
      assertTrue(t.get("test_code").isTextual());
    }
  }

  @Test
  void statusesMapWithTheDistinctionInTheMessage() throws Exception {
    JsonNode tests = render(Reports.mixed("en")).get("tests");
    assertEquals("pass", tests.get(0).get("status").asText());
    assertTrue(tests.get(0).get("message").isNull());
    assertEquals("fail", tests.get(1).get("status").asText());
    assertTrue(
        tests
            .get(1)
            .get("message")
            .asText()
            .contains("expected: arn:aws:sts::123456789012:assumed-role/dev-role/dev-session"));
    assertEquals("error", tests.get(2).get("status").asText());
    assertEquals(
        "could not read trust-policy.json: permission denied",
        tests.get(2).get("message").asText());
    assertEquals("error", tests.get(3).get("status").asText());
    assertTrue(tests.get(3).get("message").asText().startsWith("timed out: the command"));
    assertEquals("error", tests.get(4).get("status").asText());
    assertEquals(
        "skipped: the localstack backend does not evaluate identity policies",
        tests.get(4).get("message").asText());
  }

  @Test
  void allPassIsPass() throws Exception {
    assertEquals("pass", render(Reports.allPass()).get("status").asText());
  }

  @Test
  void nothingRanIsATopLevelErrorWithAMessage() throws Exception {
    CheckReport broken =
        new CheckReport("probe", "x", Status.ERROR, null, null, "boom", Duration.ZERO, null);
    GradeReport r =
        new GradeReport(
            "l",
            "L",
            "ja",
            "embedded",
            null,
            null,
            Reports.START,
            Reports.START,
            List.of(new StepReport(1, "s", "S", true, null, 1, Duration.ZERO, List.of(broken))));
    JsonNode root = render(r);
    assertEquals("error", root.get("status").asText());
    assertTrue(root.get("message").asText().startsWith("実行できたチェックがありません"));
  }
}
