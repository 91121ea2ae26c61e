package dev.iamkata.tui.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.iamkata.tui.i18n.Language;
import dev.iamkata.tui.text.MarkdownRenderer;
import dev.iamkata.tui.text.Span;
import dev.iamkata.tui.text.Style;
import dev.iamkata.tui.text.StyledLine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The start screen: what iam-kata is, how the keys work, which backend is in use (and that no real
 * AWS account is touched), and the language choice. Moving between English and Japanese switches
 * the text at once; Enter remembers the choice and opens the catalog.
 */
public final class WelcomeView implements View {
  private final UiContext ctx;
  private int choice;
  private String notice = "";

  public WelcomeView(UiContext ctx) {
    this.ctx = ctx;
    this.choice = ctx.language().ordinal();
  }

  @Override
  public void draw(Canvas c) {
    Chrome.title(c, ctx.t("app.name"), ctx.t("welcome.title"));
    int width = Math.min(c.width() - 4, 76);
    int left = (c.width() - width) / 2;
    Canvas body = c.region(left, 2, width, c.height() - 4);
    List<StyledLine> lines =
        new ArrayList<>(
            MarkdownRenderer.render(ctx.t("welcome.body", ctx.curriculum().backendName()), width));
    lines.add(StyledLine.EMPTY);
    lines.add(StyledLine.of(ctx.t("welcome.language"), Style.STRONG));
    List<Span> options = new ArrayList<>();
    for (Language l : Language.values()) {
      boolean on = l.ordinal() == choice;
      options.add(
          new Span(
              (on ? " ▶ " : "   ") + ctx.t("language." + l.code) + " ",
              on ? Style.SELECTED : Style.NORMAL));
      options.add(Span.of("  "));
    }
    lines.add(new StyledLine(options));
    if (!notice.isEmpty()) {
      lines.add(StyledLine.of(notice, Style.FAIL));
    }
    // Centred a little above the middle; when it is too long, the language choice stays visible.
    int top = lines.size() < body.height() ? (body.height() - lines.size()) / 3 : 0;
    body.lines(top, lines.subList(Math.max(0, lines.size() - body.height()), lines.size()));
    Chrome.keys(
        c, "←→", ctx.t("key.language"), "Enter", ctx.t("key.start"), "q", ctx.t("key.quit"));
  }

  @Override
  public void onKey(KeyStroke key, Nav nav) {
    KeyType type = key.getKeyType();
    Character ch = type == KeyType.Character ? key.getCharacter() : null;
    if (type == KeyType.ArrowLeft || type == KeyType.ArrowUp || ch != null && ch == '1') {
      select(Language.EN);
    } else if (type == KeyType.ArrowRight || type == KeyType.ArrowDown || ch != null && ch == '2') {
      select(Language.JA);
    } else if (type == KeyType.Tab) {
      select(Language.values()[(choice + 1) % Language.values().length]);
    } else if (type == KeyType.Enter) {
      try {
        ctx.setLanguage(Language.values()[choice]);
        nav.reset(new CatalogView(ctx));
      } catch (IOException e) {
        notice = ctx.t("error.settings", e.getMessage());
      }
    } else if (type == KeyType.Escape || ch != null && ch == 'q') {
      nav.quit();
    }
  }

  private void select(Language l) {
    choice = l.ordinal();
    ctx.previewLanguage(l);
  }
}
