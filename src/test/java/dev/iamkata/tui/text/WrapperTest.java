package dev.iamkata.tui.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WrapperTest {

  private static List<String> wrap(String text, int width) {
    return Wrapper.wrap(text, Style.NORMAL, width).stream().map(StyledLine::plain).toList();
  }

  private static void assertNoLineWiderThan(List<String> lines, int width) {
    for (String l : lines) {
      assertTrue(CharWidth.of(l) <= width, () -> "too wide (" + CharWidth.of(l) + "): " + l);
    }
  }

  @Test
  void japaneseCharactersTakeTwoColumns() {
    assertEquals(2, CharWidth.of('ロ'));
    assertEquals(2, CharWidth.of('。'));
    assertEquals(2, CharWidth.of('）'));
    assertEquals(1, CharWidth.of('a'));
    assertEquals(1, CharWidth.of('─'));
    assertEquals(1, CharWidth.of('│'));
    assertEquals(10, CharWidth.of("ロールAB引"));
  }

  @Test
  void latinWrapsAtSpaces() {
    assertEquals(
        List.of("The trust policy", "says who may", "assume the role."),
        wrap("The trust policy says who may assume the role.", 16));
  }

  @Test
  void japaneseWrapsBetweenAnyCharactersWithinTheWidth() {
    List<String> lines = wrap("信頼ポリシーはロールを引き受けられる人を決めます", 10);
    // ー may not start a line, so シー stay together.
    assertEquals(List.of("信頼ポリ", "シーはロー", "ルを引き受", "けられる人", "を決めます"), lines);
    assertNoLineWiderThan(lines, 10);
  }

  @Test
  void noLineStartsWithClosingPunctuation() {
    // At width 10 the 。 would fall on column 11: it moves down with the character before it.
    List<String> lines = wrap("ロールを作る。次に信頼（trust）を確認、それから「dev-session」。", 10);
    assertNoLineWiderThan(lines, 10);
    for (String l : lines) {
      assertFalse(!l.isEmpty() && "、。）」".indexOf(l.charAt(0)) >= 0, () -> "line starts with " + l);
      assertFalse(
          !l.isEmpty() && "（「".indexOf(l.charAt(l.length() - 1)) >= 0, () -> "line ends with " + l);
    }
    // "ロールを作る" is exactly 12 columns, but 。 may not start the next line: る goes with it.
    assertEquals(List.of("ロールを作", "る。"), wrap("ロールを作る。", 12));
  }

  @Test
  void mixedJapaneseAndCommandsKeepLatinWordsWhole() {
    List<String> lines = wrap("まず aws sts get-caller-identity を実行して、自分が誰かを確認します。", 20);
    assertNoLineWiderThan(lines, 20);
    assertTrue(lines.contains("get-caller-identity"), lines::toString);
  }

  @Test
  void aWordLongerThanTheLineIsCut() {
    List<String> lines = wrap("arn:aws:iam::123456789012:role/dev-role", 12);
    assertNoLineWiderThan(lines, 12);
    assertEquals("arn:aws:iam::123456789012:role/dev-role", String.join("", lines));
  }

  @Test
  void hangingIndentAppliesToContinuationLines() {
    List<StyledLine> lines =
        Wrapper.wrap(
            List.of(Span.of("一時的な認証情報は一時間で期限切れになります")),
            14,
            List.of(Span.of("• ")),
            List.of(Span.of("  ")));
    assertEquals("• 一時的な認証", lines.get(0).plain());
    assertTrue(lines.get(1).plain().startsWith("  "));
    lines.forEach(l -> assertTrue(l.width() <= 14, l::plain));
  }

  @Test
  void stylesSurviveWrapping() {
    List<StyledLine> lines =
        Wrapper.wrap(
            List.of(Span.of("run "), new Span("aws s3 ls", Style.CODE), Span.of(" now")), 8);
    assertEquals(
        List.of("run aws", "s3 ls", "now"), lines.stream().map(StyledLine::plain).toList());
    assertEquals(Style.CODE, lines.get(0).spans().get(1).style());
    assertEquals(Style.CODE, lines.get(1).spans().get(0).style());
  }

  @Test
  void newlinesForceBreaks() {
    assertEquals(List.of("a", "b c"), wrap("a\nb c", 20));
  }
}
