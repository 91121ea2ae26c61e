package dev.iamkata.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JsonReportWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    String text = Files.readString(Path.of("docs/grade-report.schema.json"));
    schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(text);
  }

  private static JsonNode render(GradeReport report) throws Exception {
    return JSON.readTree(new JsonReportWriter().render(report));
  }

  @Test
  void reportsMatchTheSchema() throws Exception {
    for (GradeReport r :
        new GradeReport[] {Reports.mixed("en"), Reports.mixed("ja"), Reports.allPass()}) {
      Set<ValidationMessage> errors = schema.validate(render(r));
      assertTrue(errors.isEmpty(), errors.toString());
    }
  }

  @Test
  void theSchemaCatchesAMissingKeyAndAnUnknownStatus() throws Exception {
    ObjectNode node = (ObjectNode) render(Reports.mixed("en"));
    node.remove("learner");
    ((ObjectNode) node.at("/steps/0/checks/0")).put("status", "passed");
    Set<ValidationMessage> errors = schema.validate(node);
    assertEquals(2, errors.size(), errors.toString());
  }

  @Test
  void everyStatusIsItsOwnValue() throws Exception {
    JsonNode node = render(Reports.mixed("en"));
    assertEquals("error", node.get("status").asText());
    assertEquals(1, node.get("exitCode").asInt());
    JsonNode checks = node.at("/steps/1/checks");
    assertEquals("fail", checks.get(0).get("status").asText());
    assertEquals("error", checks.get(1).get("status").asText());
    assertEquals("timeout", checks.get(2).get("status").asText());
    assertEquals("skipped", checks.get(3).get("status").asText());
    assertEquals(
        "the localstack backend does not evaluate identity policies",
        checks.get(3).get("skipReason").asText());
    assertTrue(checks.get(0).get("skipReason").isNull());
    assertEquals(30000, checks.get(2).get("durationMs").asLong());
  }

  @Test
  void summaryCountsAndScore() throws Exception {
    JsonNode s = render(Reports.mixed("en")).get("summary");
    assertEquals(3, s.get("steps").asInt());
    assertEquals(1, s.get("stepsPassed").asInt());
    assertEquals(6, s.get("checks").asInt());
    assertEquals(1, s.get("passed").asInt());
    assertEquals(2, s.get("failed").asInt());
    assertEquals(1, s.get("errors").asInt());
    assertEquals(1, s.get("timeouts").asInt());
    assertEquals(1, s.get("skipped").asInt());
    assertEquals(20.0, s.get("score").asDouble(), "1 of 5 verifiable checks");
  }

  @Test
  void stepsCarryReachAndTheLineThatPassedThem() throws Exception {
    JsonNode steps = render(Reports.mixed("en")).get("steps");
    assertEquals(2, steps.get(0).get("passedAtLine").asInt());
    assertTrue(steps.get(1).get("passedAtLine").isNull());
    assertFalse(steps.get(2).get("reached").asBoolean());
    assertEquals("fail", steps.get(2).get("status").asText());
  }

  @Test
  void sameReportSameBytes() {
    JsonReportWriter w = new JsonReportWriter();
    assertEquals(w.render(Reports.mixed("ja")), w.render(Reports.mixed("ja")));
    assertTrue(w.render(Reports.allPass()).startsWith("{\n  \"schemaVersion\" : 1,"));
  }
}
