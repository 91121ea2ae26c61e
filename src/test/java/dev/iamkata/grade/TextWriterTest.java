package dev.iamkata.grade;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextWriterTest {

  @Test
  void plainTextHasNoEscapesAndEveryResult() {
    String text = new TextWriter(false).render(Reports.mixed("en"));
    assertFalse(text.contains("\u001b[3"), "no colour codes of ours");
    for (String label : new String[] {"PASS ", "FAIL ", "ERROR ", "TIMEOUT ", "SKIP "}) {
      assertTrue(text.contains(label), label + " in\n" + text);
    }
    assertTrue(
        text.contains("expected: arn:aws:sts::123456789012:assumed-role/dev-role/dev-session"));
    assertTrue(text.contains("the localstack backend does not evaluate identity policies"));
    assertTrue(
        text.endsWith(
            "result: ERROR — 1 passed, 2 failed, 1 errors, 1 timeouts, 1 skipped · score 20.0% ·"
                + " 1.234 s\n"),
        text);
  }

  @Test
  void colourWhenAsked() {
    String text = new TextWriter(true).render(Reports.allPass());
    assertTrue(text.contains("\u001b[32mPASS   \u001b[0m"), text);
  }

  @Test
  void japaneseSummary() {
    String text = new TextWriter(false).render(Reports.mixed("ja"));
    assertTrue(text.contains("結果: ERROR — 合格 1、不合格 2、エラー 1、時間切れ 1、スキップ 1"), text);
    assertTrue(text.contains("未到達"));
  }
}
