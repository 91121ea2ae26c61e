package dev.iamkata.tui.view;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.iamkata.tui.text.CharWidth;
import dev.iamkata.tui.text.Span;
import dev.iamkata.tui.text.Style;
import dev.iamkata.tui.text.StyledLine;
import java.util.List;

/**
 * A rectangle of the screen to draw styled lines on; text is clipped to the rectangle, measured in
 * columns (a Japanese character takes two).
 */
public final class Canvas {
  private final TextGraphics g;
  private final Palette palette;
  private final int left;
  private final int top;
  private final int width;
  private final int height;

  public Canvas(TextGraphics g, Palette palette) {
    this(g, palette, 0, 0, g.getSize().getColumns(), g.getSize().getRows());
  }

  private Canvas(TextGraphics g, Palette palette, int left, int top, int width, int height) {
    this.g = g;
    this.palette = palette;
    this.left = left;
    this.top = top;
    this.width = width;
    this.height = height;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public TerminalSize size() {
    return new TerminalSize(width, height);
  }

  /** A sub-rectangle, clipped to this one. */
  public Canvas region(int col, int row, int w, int h) {
    int c = Math.max(0, Math.min(col, width));
    int r = Math.max(0, Math.min(row, height));
    return new Canvas(
        g,
        palette,
        left + c,
        top + r,
        Math.max(0, Math.min(w, width - c)),
        Math.max(0, Math.min(h, height - r)));
  }

  /** Draws {@code line} at {@code row}, starting at {@code col}, clipped to the width. */
  public void line(int col, int row, StyledLine line) {
    if (row < 0 || row >= height) {
      return;
    }
    int x = col;
    for (Span s : line.spans()) {
      if (x >= width) {
        break;
      }
      String text = CharWidth.fit(s.text(), width - x);
      apply(s.style());
      g.putString(left + x, top + row, text);
      x += CharWidth.of(text);
    }
    reset();
  }

  /** Draws plain text in one style. */
  public void text(int col, int row, String text, Style style) {
    line(col, row, StyledLine.of(text, style));
  }

  /** Draws lines from {@code row} down, as many as fit. */
  public void lines(int row, List<StyledLine> lines) {
    for (int i = 0; i < lines.size() && row + i < height; i++) {
      line(0, row + i, lines.get(i));
    }
  }

  /** Fills a whole row with spaces in {@code style} (a bar). */
  public void bar(int row, Style style) {
    if (row < 0 || row >= height) {
      return;
    }
    apply(style);
    g.putString(left, top + row, " ".repeat(width));
    reset();
  }

  /** Clears the rectangle. */
  public void clear() {
    reset();
    for (int r = 0; r < height; r++) {
      g.putString(left, top + r, " ".repeat(width));
    }
  }

  /** Draws a single-line box around the rectangle's edge. */
  public void box(Style style) {
    if (width < 2 || height < 2) {
      return;
    }
    text(0, 0, "┌" + "─".repeat(width - 2) + "┐", style);
    for (int r = 1; r < height - 1; r++) {
      text(0, r, "│", style);
      text(width - 1, r, "│", style);
    }
    text(0, height - 1, "└" + "─".repeat(width - 2) + "┘", style);
  }

  private void apply(Style style) {
    Palette.Look look = palette.look(style);
    g.setForegroundColor(look.fg());
    g.setBackgroundColor(look.bg());
    g.clearModifiers();
    for (SGR s : look.sgr()) {
      g.enableModifiers(s);
    }
  }

  private void reset() {
    g.setForegroundColor(TextColor.ANSI.DEFAULT);
    g.setBackgroundColor(TextColor.ANSI.DEFAULT);
    g.clearModifiers();
  }
}
