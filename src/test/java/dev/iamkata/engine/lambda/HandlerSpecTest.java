package dev.iamkata.engine.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class HandlerSpecTest {
  static byte[] zip(String... nameAndContent) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (int i = 0; i < nameAndContent.length; i += 2) {
        out.putNextEntry(new ZipEntry(nameAndContent[i]));
        out.write(nameAndContent[i + 1].getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  static HandlerSpec.HandlerException failure(String content) {
    return assertThrows(
        HandlerSpec.HandlerException.class,
        () -> HandlerSpec.parse("h.yaml", content.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsCallsLogsAndTheReturnValue() throws Exception {
    HandlerSpec spec =
        HandlerSpec.parse(
            "h.yaml",
            ("steps:\n  - log: hi\n  - id: t\n    service: dynamodb\n    operation: ListTables\n"
                    + "return: {ok: true}\n")
                .getBytes(StandardCharsets.UTF_8));
    assertEquals(2, spec.steps().size());
    assertEquals("hi", spec.steps().get(0).log());
    HandlerSpec.Step call = spec.steps().get(1);
    assertTrue(call.isCall());
    assertEquals("dynamodb", call.service());
    assertEquals("ListTables", call.operation());
    assertEquals("{}", call.parameters().toString());
    assertEquals("h.yaml: steps[1] (t)", call.where("h.yaml"));
    assertEquals("{\"ok\":true}", spec.result().toString());
  }

  @Test
  void jsonIsAccepted() throws Exception {
    HandlerSpec spec =
        HandlerSpec.parse("handler.json", "{\"return\": [1, 2]}".getBytes(StandardCharsets.UTF_8));
    assertEquals(0, spec.steps().size());
    assertEquals("[1,2]", spec.result().toString());
  }

  @Test
  void theHandlerSettingPicksTheFileElseTheDefaultNames() throws Exception {
    byte[] both = zip("handler.yaml", "return: default", "fn/main.yaml", "return: named");
    assertEquals("named", HandlerSpec.fromZip(both, "fn/main.yaml").result().asText());
    assertEquals("default", HandlerSpec.fromZip(both, "index.handler").result().asText());
    HandlerSpec.HandlerException e =
        assertThrows(
            HandlerSpec.HandlerException.class,
            () -> HandlerSpec.fromZip(zip("index.py", "x"), "index.handler"));
    assertEquals("Runtime.HandlerNotFound", e.type);
    assertEquals(
        "No handler file in the deployment package: looked for index.handler, handler.yaml,"
            + " handler.yml, handler.json",
        e.getMessage());
  }

  @Test
  void mistakesAreNamedWithTheirPlace() {
    assertEquals(
        "h.yaml: steps[0]: \"operation\" is required (a call needs service and operation)",
        failure("steps:\n  - service: s3\n").getMessage());
    assertEquals(
        "h.yaml: steps[0]: unknown key \"params\" (allowed: id, operation, parameters, service)",
        failure("steps:\n  - {service: s3, operation: ListBuckets, params: {}}\n").getMessage());
    assertEquals(
        "h.yaml: unknown key \"calls\" (allowed: return, steps)",
        failure("calls: []\n").getMessage());
    assertEquals("h.yaml: \"steps\" must be a list", failure("steps: 3\n").getMessage());
    assertEquals(
        "h.yaml: expected a mapping with \"steps\" and \"return\"", failure("- 1\n").getMessage());
    HandlerSpec.HandlerException syntax = failure("steps: [\n");
    assertEquals("Runtime.UserCodeSyntaxError", syntax.type);
    assertTrue(
        syntax.getMessage().startsWith("h.yaml:1:9: while parsing a flow node"),
        syntax.getMessage());
  }
}
