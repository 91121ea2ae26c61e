package dev.iamkata.tui.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.iamkata.tui.i18n.Language;
import dev.iamkata.tui.model.CatalogEntry;
import dev.iamkata.tui.model.LessonSession;
import dev.iamkata.tui.text.CharWidth;
import dev.iamkata.tui.text.Span;
import dev.iamkata.tui.text.Style;
import dev.iamkata.tui.text.StyledLine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The catalog: lessons grouped by level and track, each with title, minutes, a progress bar,
 * summary, tags and prerequisites, and the overall progress on top. Typing filters (command keys
 * {@code r}, {@code l}, {@code q} act only while the filter is empty; {@code /} starts a filter
 * with any letter), Enter opens the selected lesson, {@code r} resets it after asking.
 */
public final class CatalogView implements View {
  private static final String COMMAND_KEYS = "rlq";
  private final UiContext ctx;
  private List<CatalogEntry> all;
  private final StringBuilder filter = new StringBuilder();
  private boolean filtering;
  private int selected;
  private int scroll;
  private String notice = "";

  public CatalogView(UiContext ctx) {
    this.ctx = ctx;
    reload();
  }

  /** Reads the catalog again (after a lesson, a reset or a language change). */
  public void reload() {
    // grouped by level, then the articles' track before the others; the lessons' own order
    // within a group (the sort is stable), so a group heading never appears twice
    all =
        ctx.curriculum().catalog(ctx.language()).stream()
            .sorted(
                Comparator.comparingInt(CatalogEntry::level)
                    .thenComparing(e -> !"articles".equals(e.track())))
            .toList();
    selected = Math.min(selected, Math.max(0, visible().size() - 1));
  }

  /** The entries the filter lets through, in catalog order. */
  public List<CatalogEntry> visible() {
    String f = filter.toString();
    return all.stream().filter(e -> e.matches(f)).toList();
  }

  public CatalogEntry selectedEntry() {
    List<CatalogEntry> v = visible();
    return v.isEmpty() ? null : v.get(Math.min(selected, v.size() - 1));
  }

  @Override
  public void draw(Canvas c) {
    int steps = all.stream().mapToInt(CatalogEntry::steps).sum();
    int done = all.stream().mapToInt(e -> Math.min(e.stepsDone(), e.steps())).sum();
    Chrome.title(
        c,
        ctx.t("app.name") + " — " + ctx.t("catalog.title"),
        ctx.t("catalog.overall", done, steps));
    List<Span> overall = new ArrayList<>(Chrome.bar(done, steps, 20));
    overall.add(0, Span.of(ctx.t("catalog.progress") + " "));
    overall.add(Span.of("  "));
    overall.add(filterSpan());
    c.line(1, 1, new StyledLine(overall));
    Canvas list = c.region(0, 3, c.width(), c.height() - 5);
    List<Row> rows = rows(list.width());
    CatalogEntry sel = selectedEntry();
    int selRow = -1;
    int selEnd = -1;
    for (int i = 0; i < rows.size(); i++) {
      if (sel != null && rows.get(i).entry() == sel) {
        selRow = selRow < 0 ? i : selRow;
        selEnd = i;
      }
    }
    if (selRow >= 0 && selRow <= scroll) {
      scroll = Math.max(0, selRow - 1); // keep the group heading above the first lesson visible
    } else if (selEnd >= scroll + list.height()) {
      scroll = selEnd - list.height() + 1;
    }
    for (int r = 0; r < list.height() && scroll + r < rows.size(); r++) {
      list.line(0, r, rows.get(scroll + r).line());
    }
    if (rows.isEmpty()) {
      list.text(2, 0, ctx.t(all.isEmpty() ? "catalog.none" : "catalog.nomatch"), Style.DIM);
    }
    if (!notice.isEmpty()) {
      c.text(1, c.height() - 2, notice, Style.WARN);
    }
    Chrome.keys(
        c,
        "↑↓",
        ctx.t("key.select"),
        "Enter",
        ctx.t("key.open"),
        "/",
        ctx.t("key.filter"),
        "r",
        ctx.t("key.reset"),
        "l",
        ctx.t("key.lang"),
        "q",
        ctx.t("key.quit"));
  }

  private Span filterSpan() {
    if (filter.length() == 0 && !filtering) {
      return new Span(ctx.t("catalog.filterhint"), Style.DIM);
    }
    return new Span(ctx.t("catalog.filter") + " " + filter + "▏", Style.STRONG);
  }

  private record Row(CatalogEntry entry, StyledLine line) {}

  private List<Row> rows(int width) {
    List<Row> rows = new ArrayList<>();
    String group = null;
    CatalogEntry sel = selectedEntry();
    for (CatalogEntry e : visible()) {
      String g =
          ctx.t(
              "catalog.group",
              e.level(),
              ctx.t("level." + e.level()),
              ctx.messages().getOr("track." + e.track(), e.track()));
      if (!g.equals(group)) {
        if (group != null) {
          rows.add(new Row(null, StyledLine.EMPTY));
        }
        rows.add(new Row(null, StyledLine.of(g, Style.HEADING)));
        group = g;
      }
      boolean on = e == sel;
      rows.add(new Row(e, headline(e, on, width)));
      rows.add(new Row(e, StyledLine.of("      " + fit(e.summary(), width - 7), Style.NORMAL)));
      rows.add(new Row(e, details(e, width)));
    }
    return rows;
  }

  private StyledLine headline(CatalogEntry e, boolean on, int width) {
    String mark = e.done() ? "✓" : e.stepsDone() > 0 ? "◐" : "○";
    List<Span> right = new ArrayList<>();
    right.add(Span.of(ctx.t("catalog.minutes", e.minutes()) + "  "));
    right.addAll(Chrome.bar(e.stepsDone(), e.steps(), 10));
    right.add(Span.of(String.format(" %2d/%-2d", Math.min(e.stepsDone(), e.steps()), e.steps())));
    int rightWidth = new StyledLine(right).width();
    String left = (on ? " ▶ " : "   ") + mark + " " + fit(e.title(), width - rightWidth - 8);
    int pad = Math.max(1, width - CharWidth.of(left) - rightWidth - 1);
    List<Span> spans = new ArrayList<>();
    spans.add(new Span(left, on ? Style.SELECTED : e.done() ? Style.PASS : Style.STRONG));
    spans.add(Span.of(" ".repeat(pad)));
    spans.addAll(right);
    return new StyledLine(spans);
  }

  private StyledLine details(CatalogEntry e, int width) {
    StringBuilder b = new StringBuilder("      ");
    for (String t : e.tags()) {
      b.append('#').append(t).append(' ');
    }
    if (!e.prerequisites().isEmpty()) {
      b.append(" · ").append(ctx.t("catalog.needs", String.join(", ", e.prerequisites())));
    }
    return StyledLine.of(fit(b.toString(), width - 1), Style.DIM);
  }

  private static String fit(String s, int width) {
    if (CharWidth.of(s) <= width) {
      return s;
    }
    return CharWidth.fit(s, Math.max(0, width - 1)) + "…";
  }

  @Override
  public void onKey(KeyStroke key, Nav nav) {
    notice = "";
    KeyType type = key.getKeyType();
    List<CatalogEntry> v = visible();
    switch (type) {
      case ArrowUp -> selected = Math.max(0, selected - 1);
      case ArrowDown -> selected = Math.min(Math.max(0, v.size() - 1), selected + 1);
      case PageUp -> selected = Math.max(0, selected - 5);
      case PageDown -> selected = Math.min(Math.max(0, v.size() - 1), selected + 5);
      case Home -> selected = 0;
      case End -> selected = Math.max(0, v.size() - 1);
      case Enter -> open(nav);
      case Backspace -> {
        if (filter.length() > 0) {
          filter.setLength(filter.length() - 1);
          selected = 0;
        }
      }
      case Escape -> {
        filter.setLength(0);
        filtering = false;
        selected = 0;
      }
      case Character -> character(key.getCharacter(), nav);
      default -> {}
    }
  }

  private void character(char ch, Nav nav) {
    boolean command = filter.length() == 0 && !filtering && COMMAND_KEYS.indexOf(ch) >= 0;
    if (command && ch == 'q') {
      nav.quit();
    } else if (command && ch == 'r') {
      askReset(nav);
    } else if (command && ch == 'l') {
      switchLanguage();
    } else if (ch == '/' && filter.length() == 0) {
      filtering = true;
    } else if (!Character.isISOControl(ch)) {
      filter.append(ch);
      selected = 0;
    }
  }

  private void open(Nav nav) {
    CatalogEntry e = selectedEntry();
    if (e == null) {
      return;
    }
    notice = ctx.t("catalog.opening", e.title());
    nav.afterDraw(() -> start(e, nav));
  }

  private void start(CatalogEntry e, Nav nav) {
    notice = "";
    try {
      LessonSession session = ctx.curriculum().open(e.id(), ctx.language());
      nav.push(
          session.finished()
              ? new FinishView(ctx, session, this)
              : new LessonView(ctx, session, this));
    } catch (Exception ex) {
      notice = ctx.t("error.open", e.id(), String.valueOf(ex.getMessage()));
    }
  }

  private void askReset(Nav nav) {
    CatalogEntry e = selectedEntry();
    if (e == null) {
      return;
    }
    nav.push(
        new ConfirmView(
            ctx,
            ctx.t("catalog.confirmreset", e.title()),
            () -> {
              try {
                ctx.curriculum().reset(e.id());
                reload();
                notice = "";
              } catch (Exception ex) {
                notice = ctx.t("error.reset", e.id(), String.valueOf(ex.getMessage()));
              }
            }));
  }

  private void switchLanguage() {
    Language next = ctx.language() == Language.EN ? Language.JA : Language.EN;
    try {
      ctx.setLanguage(next);
    } catch (IOException e) {
      notice = ctx.t("error.settings", e.getMessage());
    }
    reload();
  }
}
