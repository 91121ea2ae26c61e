package dev.iamkata.tui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import dev.iamkata.tui.i18n.Language;
import dev.iamkata.tui.model.CheckOutcome;
import dev.iamkata.tui.model.CheckView;
import dev.iamkata.tui.model.ClockView;
import dev.iamkata.tui.model.StepState;
import dev.iamkata.tui.text.CharWidth;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonViewTest {
  @TempDir Path home;

  private static final CheckView FAILED =
      new CheckView(
          "learner-ran: aws s3 ls --profile dev-user → AccessDenied",
          CheckOutcome.FAIL,
          "Expected the call to be denied (AccessDenied), but it succeeded: dev-user may list"
              + " buckets.");
  private static final CheckView PASSED =
      new CheckView(
          "learner-ran: aws s3 ls --profile dev-user → AccessDenied", CheckOutcome.PASS, "");

  private VirtualUi lesson(Language lang) throws Exception {
    VirtualUi ui = new VirtualUi(home, lang);
    CatalogView catalog = new CatalogView(ui.ctx);
    ui.start(catalog);
    ui.key(KeyType.Enter);
    assertInstanceOf(LessonView.class, ui.app.top());
    return ui;
  }

  private FakeSession session(VirtualUi ui) {
    return ui.curriculum.sessions.get("assume-role-basics");
  }

  @Test
  void marksTheChecksTheBackendCannotVerifyBeforeAnythingRuns() throws Exception {
    VirtualUi ui = new VirtualUi(home, Language.EN);
    FakeSession fake = new FakeSession("assume-role-basics", Language.EN);
    ui.curriculum.sessions.put("assume-role-basics", fake);
    fake.firstStepUnverifiable =
        List.of(
            "learner-ran: aws s3 ls → AccessDenied: cannot be verified on this backend"
                + " (external): no identity-policies");
    ui.start(new CatalogView(ui.ctx));
    ui.key(KeyType.Enter);
    String text = ui.text();
    assertTrue(text.contains("Checks this backend cannot verify"), text);
    assertTrue(text.contains("– learner-ran: aws s3 ls → AccessDenied: cannot be"), text);
    assertTrue(
        text.contains("   verified on this backend (external): no"), "wrapped, indented: " + text);
    assertTrue(text.contains("identity-policies"), text);
  }

  @Test
  void showsTheStepBodyTheStepListAndTheClock() throws Exception {
    String text = lesson(Language.EN).text();
    assertTrue(text.contains("AssumeRole, one question at a time"), text);
    assertTrue(text.contains("step 1/3"), text);
    assertTrue(text.contains("Clock 10:00"), text);
    assertTrue(text.contains("Step 1 · The user is denied"), text);
    assertTrue(text.contains("$ aws s3 ls --profile dev-user"), text);
    assertTrue(text.contains("It should fail with AccessDenied."), text);
    assertTrue(text.contains("▶ 1 The user is den…"), "cut to the side panel: " + text);
    assertTrue(text.contains("○ 2 Trust policy"), text);
    assertTrue(text.contains("No command yet: press s to open the shell and try this"), text);
    assertTrue(text.contains(" step."), "the notice wraps instead of being cut: " + text);
  }

  @Test
  void hintsAreRevealedOneAtATime() throws Exception {
    VirtualUi ui = lesson(Language.EN);
    assertFalse(ui.text().contains("Hint 1/2"));
    ui.type("h");
    assertTrue(ui.text().contains("Hint 1/2"), ui.text());
    assertTrue(ui.text().contains("Use --profile dev-user."), ui.text());
    assertFalse(ui.text().contains("Hint 2/2"));
    ui.type("h");
    assertTrue(ui.text().contains("The command is aws s3 ls --profile dev-user."), ui.text());
    ui.type("h");
    assertTrue(ui.text().contains("All hints for this step are shown."), ui.text());
  }

  @Test
  void theShellTakesOverAndItsCheckResultsShowRedThenGreen() throws Exception {
    VirtualUi ui = lesson(Language.EN);
    ui.shellAction = s -> s.checks = List.of(FAILED);
    ui.type("s");
    assertEquals(1, ui.shellRuns);
    String text = ui.text();
    assertTrue(text.contains("✗ fail: learner-ran: aws s3 ls --profile dev-user"), text);
    assertTrue(text.contains("   Expected the call to be denied (AccessDenied), but it │"), text);
    assertTrue(text.contains("   succeeded: dev-user may list buckets."), text);
    assertEquals(TextColor.ANSI.RED_BRIGHT, ui.cellOf("✗ fail").getForegroundColor());
    ui.type("n");
    assertTrue(ui.text().contains("This step has not passed yet"), ui.text());

    ui.shellAction =
        s -> {
          s.checks = List.of(PASSED);
          s.states[0] = StepState.PASSED;
        };
    ui.key(KeyType.Enter);
    assertEquals(2, ui.shellRuns);
    text = ui.text();
    assertTrue(text.contains("Step passed! Press n for the next step."), text);
    assertTrue(text.contains("✓ pass: learner-ran"), text);
    assertEquals(TextColor.ANSI.GREEN_BRIGHT, ui.cellOf("✓ pass").getForegroundColor());
    assertTrue(text.contains("✓ 1 The user is den…"), text);
    ui.type("n");
    assertTrue(ui.text().contains("Step 2 · Trust policy"), ui.text());
    assertTrue(ui.text().contains("step 2/3"), ui.text());
  }

  @Test
  void theClockShowsTheJumpAndTheSessionExpiryRelativeToIt() throws Exception {
    VirtualUi ui = lesson(Language.EN);
    FakeSession s = session(ui);
    s.clock =
        new ClockView(
            FakeSession.TEN.plus(Duration.ofMinutes(61)),
            FakeSession.TEN,
            FakeSession.TEN.plus(Duration.ofHours(1)));
    ui.key(KeyType.ArrowDown);
    String text = ui.text();
    assertTrue(text.contains("Clock 10:00 → 11:01 (+1h01m)"), text);
    assertTrue(text.contains("session expired at 11:00 (1m ago)"), text);
    s.clock = new ClockView(FakeSession.TEN, null, FakeSession.TEN.plus(Duration.ofHours(1)));
    ui.key(KeyType.ArrowDown);
    assertTrue(ui.text().contains("session expires 11:00 (in 1h00m)"), ui.text());
  }

  @Test
  void japaneseBodyWrapsInsideTheMainColumn() throws Exception {
    VirtualUi ui = lesson(Language.JA);
    String text = ui.text();
    assertTrue(text.contains("ステップ 1 · ユーザーは拒否される"), text);
    // The main column ends before the step list's border: no body text crosses it.
    int border = ui.lines().get(3).indexOf('│');
    assertTrue(border > 0, ui.lines().get(3));
    for (String line : ui.lines().subList(3, 20)) {
      int bar = line.indexOf('│');
      if (bar >= 0) {
        int col = CharWidth.of(line.substring(0, bar));
        assertEquals(CharWidth.of(ui.lines().get(3).substring(0, border)), col, line);
      }
    }
    String joined = text.replace("\n", "");
    assertFalse(joined.contains("\n。"));
    assertTrue(ui.lines().stream().noneMatch(l -> l.stripLeading().startsWith("。")), text);
  }

  @Test
  void arrowsBrowseEarlierStepsAndEscapeGoesBack() throws Exception {
    VirtualUi ui = lesson(Language.EN);
    ui.key(KeyType.ArrowRight);
    assertTrue(ui.text().contains("Step 2 · Trust policy"), ui.text());
    assertTrue(ui.text().contains("(looking back; you are on step 1"), ui.text());
    ui.key(KeyType.Escape);
    assertInstanceOf(CatalogView.class, ui.app.top());
  }

  @Test
  void finishingShowsTheSummaryAndWhatToTryNext() throws Exception {
    VirtualUi ui = lesson(Language.EN);
    ui.shellAction =
        s -> {
          java.util.Arrays.fill(s.states, StepState.PASSED);
          s.hints[0] = 2;
        };
    ui.type("s");
    assertInstanceOf(FinishView.class, ui.app.top());
    String text = ui.text();
    assertTrue(text.contains("Lesson finished"), text);
    assertTrue(text.contains("Step"), text);
    assertTrue(text.contains("1. The user is denied │ passed │ 1m35s │ 2     │ 1"), text);
    assertTrue(text.contains("Total"), text);
    assertTrue(text.contains("3/3"), text);
    assertTrue(text.contains("What to try next"), text);
    assertTrue(text.contains("• An hour later: ExpiredToken"), text);
    ui.key(KeyType.Enter);
    assertInstanceOf(CatalogView.class, ui.app.top());
  }
}
