package dev.iamkata.tui.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.iamkata.tui.model.CheckOutcome;
import dev.iamkata.tui.model.CheckView;
import dev.iamkata.tui.model.LessonSession;
import dev.iamkata.tui.model.StepState;
import dev.iamkata.tui.model.StepView;
import dev.iamkata.tui.text.CharWidth;
import dev.iamkata.tui.text.InlineMarkdown;
import dev.iamkata.tui.text.MarkdownRenderer;
import dev.iamkata.tui.text.Span;
import dev.iamkata.tui.text.Style;
import dev.iamkata.tui.text.StyledLine;
import dev.iamkata.tui.text.Wrapper;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A lesson step: its Markdown body with the hints revealed so far, the step list with check marks
 * on the side, the virtual clock on top, and the results of the checks after the learner's last
 * command at the bottom (green pass, red fail with what was expected and what happened).
 */
public final class LessonView implements View {
  private static final int SIDE_MIN = 22;
  private static final int CHECK_ROWS = 6;
  private static final Map<CheckOutcome, Style> CHECK_STYLE = new EnumMap<>(CheckOutcome.class);
  private static final Map<CheckOutcome, String> CHECK_MARK = new EnumMap<>(CheckOutcome.class);
  private static final Map<StepState, String> STEP_MARK = new EnumMap<>(StepState.class);

  static {
    CHECK_STYLE.put(CheckOutcome.PASS, Style.PASS);
    CHECK_STYLE.put(CheckOutcome.FAIL, Style.FAIL);
    CHECK_STYLE.put(CheckOutcome.ERROR, Style.WARN);
    CHECK_STYLE.put(CheckOutcome.TIMEOUT, Style.WARN);
    CHECK_STYLE.put(CheckOutcome.SKIPPED, Style.DIM);
    CHECK_MARK.put(CheckOutcome.PASS, "✓");
    CHECK_MARK.put(CheckOutcome.FAIL, "✗");
    CHECK_MARK.put(CheckOutcome.ERROR, "!");
    CHECK_MARK.put(CheckOutcome.TIMEOUT, "⌛");
    CHECK_MARK.put(CheckOutcome.SKIPPED, "–");
    STEP_MARK.put(StepState.PASSED, "✓");
    STEP_MARK.put(StepState.SKIPPED, "↷");
    STEP_MARK.put(StepState.CURRENT, "▶");
    STEP_MARK.put(StepState.TODO, "○");
  }

  private final UiContext ctx;
  private final LessonSession session;
  private final CatalogView catalog;
  private int viewing;
  private int scroll;
  private String notice = "";

  public LessonView(UiContext ctx, LessonSession session, CatalogView catalog) {
    this.ctx = ctx;
    this.session = session;
    this.catalog = catalog;
    this.viewing = session.current();
  }

  public int viewing() {
    return viewing;
  }

  @Override
  public void draw(Canvas c) {
    List<StepView> steps = session.steps();
    Chrome.title(c, session.title(), ctx.t("lesson.stepof", session.current() + 1, steps.size()));
    c.line(1, 1, ClockLine.of(session.clock(), ctx.zone(), ctx));
    int side = Math.max(SIDE_MIN, c.width() / 4);
    int mainWidth = c.width() - side - 3;
    List<StyledLine> checks = checkLines(mainWidth);
    int checkRows = Math.min(CHECK_ROWS, checks.size());
    int bodyTop = 3;
    int bodyRows = c.height() - bodyTop - 2 - (checkRows > 0 ? checkRows + 1 : 0);
    Canvas body = c.region(1, bodyTop, mainWidth, bodyRows);
    List<StyledLine> lines = bodyLines(steps.get(viewing), mainWidth);
    scroll = Math.max(0, Math.min(scroll, lines.size() - bodyRows));
    body.lines(0, lines.subList(Math.min(scroll, lines.size()), lines.size()));
    if (scroll + bodyRows < lines.size()) {
      c.text(mainWidth + 1, bodyTop + bodyRows - 1, "↓", Style.DIM); // in the gutter
    }
    if (checkRows > 0) {
      int top = bodyTop + bodyRows + 1;
      c.region(1, top, mainWidth, checkRows).lines(0, checks.subList(0, checkRows));
    }
    drawSteps(c.region(c.width() - side - 1, 2, side + 1, c.height() - 3), steps);
    if (!notice.isEmpty()) {
      c.text(1, c.height() - 2, notice, Style.WARN);
    }
    Chrome.keys(
        c,
        "s",
        ctx.t("key.shell"),
        "h",
        ctx.t("key.hint"),
        "n",
        ctx.t("key.next"),
        "←→",
        ctx.t("key.steps"),
        "Esc",
        ctx.t("key.catalog"),
        "q",
        ctx.t("key.quit"));
  }

  private List<StyledLine> bodyLines(StepView step, int width) {
    List<StyledLine> out = new ArrayList<>();
    String heading = ctx.t("lesson.step", viewing + 1) + " · " + step.title();
    out.addAll(Wrapper.wrap(heading, Style.HEADING, width));
    if (viewing != session.current()) {
      out.add(StyledLine.of(ctx.t("lesson.browsing", session.current() + 1), Style.DIM));
    }
    out.add(StyledLine.EMPTY);
    out.addAll(MarkdownRenderer.render(step.body(), width));
    if (!step.unverifiable().isEmpty()) {
      out.add(StyledLine.EMPTY);
      out.addAll(Wrapper.wrap(ctx.t("lesson.unverifiable"), Style.WARN, width));
      for (String u : step.unverifiable()) {
        out.addAll(
            Wrapper.wrap(
                List.of(Span.of(u)),
                width,
                List.of(new Span(CHECK_MARK.get(CheckOutcome.SKIPPED) + " ", Style.WARN)),
                List.of(Span.of("  "))));
      }
    }
    List<String> hints = session.revealedHints(viewing);
    for (int i = 0; i < hints.size(); i++) {
      out.add(StyledLine.EMPTY);
      out.add(StyledLine.of(ctx.t("lesson.hint", i + 1, step.hintCount()), Style.WARN));
      out.addAll(MarkdownRenderer.render(hints.get(i), width));
    }
    return out;
  }

  private List<StyledLine> checkLines(int width) {
    if (viewing != session.current()) {
      return List.of();
    }
    List<CheckView> results = session.lastChecks();
    List<StyledLine> out = new ArrayList<>();
    if (results.isEmpty()) {
      out.addAll(Wrapper.wrap(ctx.t("lesson.nochecks"), Style.DIM, width));
      return out;
    }
    boolean passed = results.stream().allMatch(r -> r.outcome() == CheckOutcome.PASS);
    out.addAll(
        Wrapper.wrap(
            ctx.t(passed ? "lesson.passed" : "lesson.checks"),
            passed ? Style.PASS : Style.STRONG,
            width));
    for (CheckView r : results) {
      Style style = CHECK_STYLE.get(r.outcome());
      String head =
          CHECK_MARK.get(r.outcome()) + " " + ctx.t("outcome." + r.outcome().name()) + ": ";
      List<Span> first = List.of(new Span(head, style));
      List<Span> rest = List.of(Span.of(" ".repeat(2)));
      out.addAll(Wrapper.wrap(List.of(Span.of(r.description())), width, first, rest));
      if (!r.explanation().isBlank()) {
        out.addAll(
            Wrapper.wrap(
                InlineMarkdown.parse(r.explanation(), Style.NORMAL),
                width,
                List.of(Span.of("  ")),
                List.of(Span.of("  "))));
      }
    }
    return out;
  }

  private void drawSteps(Canvas c, List<StepView> steps) {
    for (int r = 0; r < c.height(); r++) {
      c.text(0, r, "│", Style.TABLE_BORDER);
    }
    c.text(2, 0, ctx.t("lesson.steps"), Style.STRONG);
    int w = c.width() - 2;
    int first =
        Math.max(0, Math.min(viewing - (c.height() - 3) / 2, steps.size() - (c.height() - 2)));
    for (int i = first, row = 1; i < steps.size() && row < c.height(); i++, row++) {
      StepView s = steps.get(i);
      String label = STEP_MARK.get(s.state()) + " " + (i + 1) + " " + s.title();
      if (CharWidth.of(label) > w - 1) {
        label = CharWidth.fit(label, w - 2) + "…";
      }
      Style style =
          i == viewing
              ? Style.SELECTED
              : s.state() == StepState.PASSED
                  ? Style.PASS
                  : s.state() == StepState.SKIPPED ? Style.DIM : Style.NORMAL;
      c.text(2, row, label, style);
    }
  }

  @Override
  public void onKey(KeyStroke key, Nav nav) {
    notice = "";
    KeyType type = key.getKeyType();
    int steps = session.steps().size();
    switch (type) {
      case ArrowUp -> scroll = Math.max(0, scroll - 1);
      case ArrowDown -> scroll++;
      case PageUp -> scroll = Math.max(0, scroll - 10);
      case PageDown -> scroll += 10;
      case ArrowLeft -> browse(Math.max(0, viewing - 1));
      case ArrowRight -> browse(Math.min(steps - 1, viewing + 1));
      case Enter -> shell(nav);
      case Escape -> back(nav);
      case Character -> character(key.getCharacter(), nav);
      default -> {}
    }
  }

  private void character(char ch, Nav nav) {
    switch (ch) {
      case 's' -> shell(nav);
      case 'h' -> hint();
      case 'n' -> next(nav);
      case 'q' -> nav.quit();
      default -> {}
    }
  }

  private void browse(int index) {
    viewing = index;
    scroll = 0;
  }

  private void hint() {
    browse(session.current());
    if (!session.revealHint()) {
      notice = ctx.t("lesson.nomorehints");
    } else {
      scroll = Integer.MAX_VALUE; // show the new hint
    }
  }

  private void next(Nav nav) {
    if (session.finished()) {
      nav.replace(new FinishView(ctx, session, catalog));
    } else if (session.next()) {
      browse(session.current());
    } else {
      notice = ctx.t("lesson.notpassed");
    }
  }

  private void shell(Nav nav) {
    if (!ctx.shell().available()) {
      notice = ctx.t("lesson.noshell");
      return;
    }
    nav.handOver(() -> ctx.shell().run(session));
    browse(session.current());
    if (session.finished()) {
      nav.replace(new FinishView(ctx, session, catalog));
    }
  }

  private void back(Nav nav) {
    catalog.reload();
    nav.pop();
  }
}
