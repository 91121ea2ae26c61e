package dev.iamkata.engine.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TemplatesTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  final JsonNode scope =
      json(
          "{\"event\":{\"id\":\"n1\",\"count\":3,\"tags\":[\"a\",\"b\"],\"deep\":{\"x\":true}},"
              + "\"steps\":{\"item\":{\"Item\":{\"text\":{\"S\":\"hi\"}}}}}");

  TemplatesTest() throws Exception {}

  @Test
  void aWholeReferenceKeepsItsType() throws Exception {
    assertEquals(
        json("{\"n\":3,\"tags\":[\"a\",\"b\"],\"deep\":{\"x\":true},\"t\":\"b\"}"),
        Templates.resolve(
            json(
                "{\"n\":\"${event.count}\",\"tags\":\"${event.tags}\",\"deep\":\"${ event.deep }\","
                    + "\"t\":\"${event.tags.1}\"}"),
            scope));
  }

  @Test
  void referencesInsideTextAreReplacedByTheirText() throws Exception {
    assertEquals(
        json("[\"note n1 says hi (3)\",\"deep={\\\"x\\\":true}\",7,null]"),
        Templates.resolve(
            json(
                "[\"note ${event.id} says ${steps.item.Item.text.S} (${event.count})\","
                    + "\"deep=${event.deep}\",7,null]"),
            scope));
  }

  @Test
  void unresolvedReferencesAreErrors() {
    Templates.UnresolvedReference e =
        assertThrows(
            Templates.UnresolvedReference.class,
            () -> Templates.resolve(json("\"${event.missing}\""), scope));
    assertEquals("${event.missing}: missing is not set", e.getMessage());
    assertThrows(
        Templates.UnresolvedReference.class,
        () -> Templates.resolve(json("\"x ${steps.other.Item} y\""), scope));
    assertEquals(
        "${event..id} is not a reference such as ${event.key}",
        assertThrows(
                Templates.UnresolvedReference.class,
                () -> Templates.resolve(json("\"${event..id}\""), scope))
            .getMessage());
  }
}
