package dev.iamkata.tui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import dev.iamkata.tui.i18n.Language;
import dev.iamkata.tui.text.CharWidth;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogViewTest {
  @TempDir Path home;

  private VirtualUi catalog(Language lang) throws Exception {
    VirtualUi ui = new VirtualUi(home, lang);
    ui.start(new CatalogView(ui.ctx));
    return ui;
  }

  @Test
  void showsGroupsTitlesMinutesProgressTagsAndPrerequisites() throws Exception {
    String text = catalog(Language.EN).text();
    assertTrue(text.contains("overall 3/16 steps"), text);
    assertTrue(text.contains("Level 1 · beginner — from the articles"), text);
    assertTrue(text.contains("Level 2 · intermediate — beyond the articles"), text);
    assertTrue(text.contains("▶ ◐ AssumeRole, one question at a time"), text);
    assertTrue(text.contains("20 min  ████░░░░░░  3/8"), text);
    assertTrue(text.contains("From a denied user to a role's temporary credentials."), text);
    assertTrue(text.contains("#sts #trust-policy"), text);
    assertTrue(text.contains("after: assume-role-basics"), text);
  }

  @Test
  void eachGroupIsShownOnceWhateverTheLessonsOrder() throws Exception {
    String text = catalog(Language.EN).text();
    String level1 = "Level 1 · beginner — from the articles";
    assertEquals(text.indexOf(level1), text.lastIndexOf(level1), text);
    assertTrue(text.indexOf("An hour later: ExpiredToken") < text.indexOf("Across accounts"), text);
  }

  @Test
  void japaneseRowsFitAndKeepTheProgressColumnAligned() throws Exception {
    VirtualUi ui = catalog(Language.JA);
    List<String> lines = ui.lines();
    String row = lines.stream().filter(l -> l.contains("AssumeRole の疑問")).findFirst().orElseThrow();
    String latin =
        catalog(Language.EN).lines().stream()
            .filter(l -> l.contains("AssumeRole, one"))
            .findFirst()
            .orElseThrow();
    // Measured in columns, the right-aligned progress ends where it ends in English.
    assertEquals(CharWidth.of(latin), CharWidth.of(row), row);
    assertTrue(row.endsWith("20 分  ████░░░░░░  3/8"), row);
    lines.forEach(l -> assertTrue(CharWidth.of(l) <= 80, l));
  }

  @Test
  void typingFiltersAndEscapeClears() throws Exception {
    VirtualUi ui = catalog(Language.EN);
    ui.type("expir");
    String text = ui.text();
    assertTrue(text.contains("Filter: expir"), text);
    assertTrue(text.contains("An hour later: ExpiredToken"), text);
    assertFalse(text.contains("Across accounts"), text);
    ui.key(KeyType.Backspace)
        .key(KeyType.Backspace)
        .key(KeyType.Backspace)
        .key(KeyType.Backspace)
        .key(KeyType.Backspace);
    assertTrue(ui.text().contains("Across accounts"));
    ui.type("zzz");
    assertTrue(ui.text().contains("No lesson matches the filter"), ui.text());
    ui.key(KeyType.Escape);
    assertTrue(ui.text().contains("Across accounts"));
  }

  @Test
  void slashLetsAFilterStartWithACommandLetter() throws Exception {
    VirtualUi ui = catalog(Language.EN);
    ui.type("/role");
    assertTrue(ui.text().contains("Filter: role"), ui.text());
    assertTrue(ui.curriculum.resets.isEmpty());
  }

  @Test
  void resetAsksFirstAndOnlyYesResets() throws Exception {
    VirtualUi ui = catalog(Language.EN);
    ui.type("r");
    assertTrue(ui.text().contains("Reset \"AssumeRole, one question at a time\"?"), ui.text());
    assertTrue(
        ui.text().contains("AssumeRole, one question"), "the catalog stays under the dialog");
    ui.type("n");
    assertTrue(ui.curriculum.resets.isEmpty());
    ui.type("r").type("y");
    assertEquals(List.of("assume-role-basics"), ui.curriculum.resets);
    assertTrue(ui.text().contains("overall 0/16 steps"), ui.text());
  }

  @Test
  void arrowsSelectAndEnterOpens() throws Exception {
    VirtualUi ui = catalog(Language.EN);
    ui.key(KeyType.ArrowDown);
    assertTrue(ui.text().contains("▶ ○ An hour later: ExpiredToken"), ui.text());
    ui.key(KeyType.Enter);
    assertInstanceOf(LessonView.class, ui.app.top());
    assertTrue(ui.curriculum.sessions.containsKey("session-expiry"));
  }

  @Test
  void lSwitchesTheLanguageAndRemembersIt() throws Exception {
    VirtualUi ui = catalog(Language.EN);
    ui.type("l");
    assertTrue(ui.text().contains("アカウントをまたぐ"), ui.text());
    assertEquals(Language.JA, ui.settings.language().orElseThrow());
  }

  @Test
  void resizingRelaysOutAndBelow80x24SaysSo() throws Exception {
    VirtualUi ui = catalog(Language.EN);
    ui.resize(120, 40);
    String wide =
        ui.lines().stream().filter(l -> l.contains("AssumeRole, one")).findFirst().orElseThrow();
    assertTrue(wide.length() > 100, "the progress column moves right: " + wide);
    ui.resize(70, 20);
    assertTrue(
        ui.text().contains("This terminal is 70×20. iam-kata needs at least 80×24"), ui.text());
    ui.type("q");
    assertTrue(ui.app.running(), "keys are ignored while the screen is too small");
    ui.resize(80, 24);
    assertTrue(ui.text().contains("AssumeRole, one question"), ui.text());
  }

  @Test
  void coloursDegradeWithNoColor() throws Exception {
    VirtualUi colour = catalog(Language.EN);
    assertEquals(TextColor.ANSI.GREEN_BRIGHT, colour.cellOf("█").getForegroundColor());
    VirtualUi mono = new VirtualUi(home, Language.EN, 80, 24, Palette.MONO);
    mono.start(new CatalogView(mono.ctx));
    assertEquals(TextColor.ANSI.DEFAULT, mono.cellOf("█").getForegroundColor());
    assertEquals(Palette.MONO, Palette.forEnvironment(java.util.Map.of("NO_COLOR", "1")));
    assertEquals(Palette.PLAIN, Palette.forEnvironment(java.util.Map.of("TERM", "dumb")));
    assertEquals(Palette.COLOR, Palette.forEnvironment(java.util.Map.of("TERM", "xterm")));
  }

  @Test
  void qQuitsAndCtrlCToo() throws Exception {
    VirtualUi ui = catalog(Language.EN);
    ui.type("q");
    assertFalse(ui.app.running());
    VirtualUi other = catalog(Language.EN);
    other.terminal.addInput(new com.googlecode.lanterna.input.KeyStroke('c', true, false));
    other.app.step();
    assertFalse(other.app.running());
  }
}
