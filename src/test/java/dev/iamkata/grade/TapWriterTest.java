package dev.iamkata.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.grade.Tap14Parser.Document;
import dev.iamkata.grade.Tap14Parser.Point;
import org.junit.jupiter.api.Test;

class TapWriterTest {
  private final TapWriter writer = new TapWriter();

  @Test
  void startsWithTheVersionAndPlansOnePointPerStep() {
    String tap = writer.render(Reports.mixed("en"));
    assertTrue(tap.startsWith("TAP version 14\n1..3\n"), tap);
    Document doc = Tap14Parser.parse(tap);
    assertEquals(3, doc.plan());
    assertEquals(3, doc.points().size());
    assertFalse(doc.passed());
  }

  @Test
  void stepsAreSubtestsWithOnePointPerCheck() {
    Document doc = Tap14Parser.parse(writer.render(Reports.mixed("en")));
    Point first = doc.points().get(0);
    assertTrue(first.ok());
    assertEquals("user-is-denied - The user is denied", first.description());
    assertEquals(1, first.subtest().plan());

    Point second = doc.points().get(1);
    assertFalse(second.ok());
    assertEquals("error", second.diagnostics().get("status").asText());
    assertTrue(second.diagnostics().get("reached").isBoolean());
    Document checks = second.subtest();
    assertEquals(4, checks.points().size());
    assertEquals(
        "probe: aws sts get-caller-identity --profile dev-session # Arn",
        checks.points().get(0).description(),
        "the # is escaped and read back");
    assertNull(checks.points().get(0).directive());
  }

  @Test
  void fourResultsStayDistinctInDiagnostics() {
    Document checks =
        Tap14Parser.parse(writer.render(Reports.mixed("en"))).points().get(1).subtest();
    Point fail = checks.points().get(0);
    assertFalse(fail.ok());
    assertEquals("fail", fail.diagnostics().get("status").asText());
    assertEquals(
        "arn:aws:sts::123456789012:assumed-role/dev-role/dev-session",
        fail.diagnostics().get("expected").asText());
    assertEquals(
        "An error occurred (AccessDenied) when calling \\ <AssumeRole>\n\u001b[31mred\u001b[0m",
        fail.diagnostics().get("actual").asText(),
        "YAML carries the text exactly");
    assertEquals("error", checks.points().get(1).diagnostics().get("status").asText());
    assertEquals("timeout", checks.points().get(2).diagnostics().get("status").asText());
    assertEquals(30000, checks.points().get(2).diagnostics().get("duration_ms").asInt());
    Point skip = checks.points().get(3);
    assertTrue(skip.ok());
    assertEquals("SKIP", skip.directive());
    assertEquals("the localstack backend does not evaluate identity policies", skip.reason());
    assertNull(skip.diagnostics());
  }

  @Test
  void japaneseMessagesParse() {
    Document doc = Tap14Parser.parse(writer.render(Reports.mixed("ja")));
    Point notReached = doc.points().get(2).subtest().points().get(0);
    assertTrue(notReached.diagnostics().get("message").asText().startsWith("未到達"));
  }

  @Test
  void allPassingIsAPassingStream() {
    Document doc = Tap14Parser.parse(writer.render(Reports.allPass()));
    assertTrue(doc.passed());
    assertTrue(doc.points().stream().allMatch(p -> p.subtest().passed()));
  }

  @Test
  void theParserIsStrict() {
    assertThrows(Tap14Parser.TapException.class, () -> Tap14Parser.parse("TAP version 13\n1..0\n"));
    assertThrows(Tap14Parser.TapException.class, () -> Tap14Parser.parse("TAP version 14\nok 1\n"));
    assertThrows(
        Tap14Parser.TapException.class,
        () -> Tap14Parser.parse("TAP version 14\n1..2\nok 1\nok 3\n"));
    assertThrows(
        Tap14Parser.TapException.class,
        () -> Tap14Parser.parse("TAP version 14\n1..1\nnot ok 1 - x\n  ---\n  a: [\n  ...\n"));
    assertThrows(
        Tap14Parser.TapException.class,
        () -> Tap14Parser.parse("TAP version 14\n1..1\n    1..1\n    not ok 1\nok 1 - sub\n"));
    assertThrows(
        Tap14Parser.TapException.class,
        () -> Tap14Parser.parse("TAP version 14\n1..1\nok 1 - a # b\n"));
  }
}
