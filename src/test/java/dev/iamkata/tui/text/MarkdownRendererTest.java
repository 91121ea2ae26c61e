package dev.iamkata.tui.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

  private static List<String> plain(List<StyledLine> lines) {
    return lines.stream().map(StyledLine::plain).toList();
  }

  private static Style styleOf(List<StyledLine> lines, String text) {
    for (StyledLine l : lines) {
      for (Span s : l.spans()) {
        if (s.text().contains(text)) {
          return s.style();
        }
      }
    }
    throw new AssertionError("no span contains " + text);
  }

  @Test
  void headingsParagraphsAndInlineStyles() {
    List<StyledLine> lines =
        MarkdownRenderer.render(
            "# Who am I?\n\nRun `aws sts get-caller-identity`, **then** read the *Arn*.", 80);
    assertEquals(
        List.of("Who am I?", "", "Run aws sts get-caller-identity, then read the Arn."),
        plain(lines));
    assertEquals(Style.HEADING, styleOf(lines, "Who am I"));
    assertEquals(Style.CODE, styleOf(lines, "get-caller-identity"));
    assertEquals(Style.STRONG, styleOf(lines, "then"));
    assertEquals(Style.EMPHASIS, styleOf(lines, "Arn"));
  }

  @Test
  void linksBecomeTextWithTheUrl() {
    List<StyledLine> lines =
        MarkdownRenderer.render("See [the guide](https://docs.aws.amazon.com/iam/).", 80);
    assertEquals("See the guide (https://docs.aws.amazon.com/iam/).", lines.get(0).plain());
    assertEquals(Style.LINK, styleOf(lines, "the guide"));
  }

  @Test
  void japaneseSourceLinesJoinWithoutSpaces() {
    List<StyledLine> lines = MarkdownRenderer.render("ロールを\n引き受けます。\nThen run it.", 80);
    assertEquals("ロールを引き受けます。Then run it.", lines.get(0).plain());
    assertEquals("権限がない AWS では", MarkdownRenderer.render("権限がない\nAWS では", 80).get(0).plain());
  }

  @Test
  void fencedJsonIsHighlightedAndKeepsIndentation() {
    String md = "```json\n{\n  \"Effect\": \"Allow\",\n  \"Version\": 2012\n}\n```";
    List<StyledLine> lines = MarkdownRenderer.render(md, 40);
    assertEquals(
        List.of("  {", "    \"Effect\": \"Allow\",", "    \"Version\": 2012", "  }"), plain(lines));
    assertEquals(Style.CODE_KEY, styleOf(lines, "\"Effect\""));
    assertEquals(Style.CODE_STRING, styleOf(lines, "\"Allow\""));
    assertEquals(Style.CODE_LITERAL, styleOf(lines, "2012"));
  }

  @Test
  void fencedShellShowsPromptCommentsAndFlags() {
    String md = "```sh\n$ aws s3 ls --profile dev-user  # denied\n```";
    List<StyledLine> lines = MarkdownRenderer.render(md, 60);
    assertEquals(Style.CODE_PROMPT, styleOf(lines, "$"));
    assertEquals(Style.CODE_FLAG, styleOf(lines, "--profile"));
    assertEquals(Style.CODE_COMMENT, styleOf(lines, "# denied"));
  }

  @Test
  void longCodeLinesAreCutNotWrappedAtSpaces() {
    String md =
        "```\naws iam create-role --role-name dev-role --assume-role-policy-document x\n```";
    List<StyledLine> lines = MarkdownRenderer.render(md, 30);
    lines.forEach(l -> assertTrue(l.width() <= 30, l::plain));
    String joined = String.join("", plain(lines).stream().map(s -> s.substring(2)).toList());
    assertEquals(
        "aws iam create-role --role-name dev-role --assume-role-policy-document x", joined);
  }

  @Test
  void indentedCodeBlocksAreCode() {
    List<StyledLine> lines =
        MarkdownRenderer.render("Ask S3:\n\n    aws s3 ls --profile dev-user\n\nThen.", 60);
    assertEquals(
        List.of("Ask S3:", "", "  aws s3 ls --profile dev-user", "", "Then."), plain(lines));
    assertEquals(Style.CODE_FLAG, styleOf(lines, "--profile"));
  }

  @Test
  void listsHaveMarkersAndHangingIndent() {
    List<StyledLine> lines =
        MarkdownRenderer.render("- 信頼ポリシーを作ります\n- second\n\n1. one\n2. two", 12);
    assertEquals(
        List.of("• 信頼ポリ", "  シーを作り", "  ます", "• second", "", "1. one", "2. two"), plain(lines));
    assertEquals(Style.BULLET, styleOf(lines, "•"));
  }

  @Test
  void tablesAreDrawnWithinTheWidth() {
    String md =
        "| error | meaning |\n|---|---|\n| AccessDenied | 権限がありません |\n| ExpiredToken | 期限切れ |";
    List<StyledLine> lines = MarkdownRenderer.render(md, 80);
    assertEquals(
        List.of(
            "error        │ meaning",
            "─────────────┼─────────────────",
            "AccessDenied │ 権限がありません",
            "ExpiredToken │ 期限切れ"),
        plain(lines));
    assertEquals(Style.TABLE_HEADER, styleOf(lines, "error"));
    List<StyledLine> narrow = MarkdownRenderer.render(md, 20);
    narrow.forEach(l -> assertTrue(l.width() <= 20, l::plain));
  }

  @Test
  void quotesHaveABar() {
    List<StyledLine> lines = MarkdownRenderer.render("> note: 時計は仮想です", 40);
    assertEquals("│ note: 時計は仮想です", lines.get(0).plain());
  }

  @Test
  void everyLineFitsForAnyWidth() {
    String md =
        "## AssumeRole の疑問\n\n一時的な認証情報（セッション）は、既定で**一時間**有効です。"
            + "`aws sts assume-role` を実行し、[ドキュメント](https://docs.aws.amazon.com/)"
            + "を読んでください。\n\n```json\n{\"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:user/tanaka\"}}\n```";
    for (int w = 8; w <= 90; w++) {
      for (StyledLine l : MarkdownRenderer.render(md, w)) {
        int width = w;
        assertTrue(l.width() <= width, () -> "width " + width + ": " + l.plain());
      }
    }
  }
}
