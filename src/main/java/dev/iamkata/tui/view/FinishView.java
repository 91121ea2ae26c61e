package dev.iamkata.tui.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.iamkata.tui.model.CatalogEntry;
import dev.iamkata.tui.model.LessonSession;
import dev.iamkata.tui.model.StepState;
import dev.iamkata.tui.model.StepStats;
import dev.iamkata.tui.text.MarkdownRenderer;
import dev.iamkata.tui.text.Style;
import dev.iamkata.tui.text.StyledLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The end of a lesson: per step the result, time taken, hints used and attempts, the totals, and
 * what to try next (lessons not done whose prerequisites are).
 */
public final class FinishView implements View {
  private final UiContext ctx;
  private final LessonSession session;
  private final CatalogView catalog;

  public FinishView(UiContext ctx, LessonSession session, CatalogView catalog) {
    this.ctx = ctx;
    this.session = session;
    this.catalog = catalog;
  }

  @Override
  public void draw(Canvas c) {
    Chrome.title(c, session.title(), ctx.t("finish.title"));
    int width = c.width() - 4;
    List<StyledLine> lines = new ArrayList<>(MarkdownRenderer.render(table(), width));
    lines.add(StyledLine.EMPTY);
    lines.add(StyledLine.of(ctx.t("finish.next"), Style.HEADING));
    List<CatalogEntry> next = suggestions();
    if (next.isEmpty()) {
      lines.add(StyledLine.of("  " + ctx.t("finish.alldone"), Style.PASS));
    }
    for (CatalogEntry e : next) {
      lines.add(
          StyledLine.of(
              "  • " + e.title() + "  (" + ctx.t("catalog.minutes", e.minutes()) + ")",
              Style.NORMAL));
    }
    c.region(2, 2, width, c.height() - 3).lines(0, lines);
    Chrome.keys(c, "Enter", ctx.t("key.catalog"), "q", ctx.t("key.quit"));
  }

  private String table() {
    StringBuilder md = new StringBuilder();
    md.append("| ")
        .append(ctx.t("finish.step"))
        .append(" | ")
        .append(ctx.t("finish.result"))
        .append(" | ")
        .append(ctx.t("finish.time"))
        .append(" | ")
        .append(ctx.t("finish.hints"))
        .append(" | ")
        .append(ctx.t("finish.attempts"))
        .append(" |\n|---|---|---|---|---|\n");
    Duration total = Duration.ZERO;
    int hints = 0;
    int attempts = 0;
    List<StepStats> stats = session.stats();
    for (int i = 0; i < stats.size(); i++) {
      StepStats s = stats.get(i);
      md.append("| ")
          .append(i + 1)
          .append(". ")
          .append(s.title().replace("|", "\\|"))
          .append(" | ")
          .append(ctx.t("state." + s.state().name()))
          .append(" | ")
          .append(s.took() == null ? "—" : ClockLine.elapsed(s.took()))
          .append(" | ")
          .append(s.hintsUsed())
          .append(" | ")
          .append(s.attempts())
          .append(" |\n");
      total = s.took() == null ? total : total.plus(s.took());
      hints += s.hintsUsed();
      attempts += s.attempts();
    }
    long passed = stats.stream().filter(s -> s.state() == StepState.PASSED).count();
    md.append("| **")
        .append(ctx.t("finish.total"))
        .append("** | ")
        .append(passed)
        .append('/')
        .append(stats.size())
        .append(" | ")
        .append(ClockLine.elapsed(total))
        .append(" | ")
        .append(hints)
        .append(" | ")
        .append(attempts)
        .append(" |\n");
    return md.toString();
  }

  private List<CatalogEntry> suggestions() {
    catalog.reload();
    List<CatalogEntry> all = ctx.curriculum().catalog(ctx.language());
    Set<String> done =
        all.stream().filter(CatalogEntry::done).map(CatalogEntry::id).collect(Collectors.toSet());
    done.add(session.lessonId());
    return all.stream()
        .filter(e -> !done.contains(e.id()) && done.containsAll(e.prerequisites()))
        .limit(3)
        .toList();
  }

  @Override
  public void onKey(KeyStroke key, Nav nav) {
    if (key.getKeyType() == KeyType.Enter || key.getKeyType() == KeyType.Escape) {
      catalog.reload();
      nav.pop();
    } else if (key.getKeyType() == KeyType.Character && key.getCharacter() == 'q') {
      nav.quit();
    }
  }
}
