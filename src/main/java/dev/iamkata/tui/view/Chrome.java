package dev.iamkata.tui.view;

import dev.iamkata.tui.text.CharWidth;
import dev.iamkata.tui.text.Span;
import dev.iamkata.tui.text.Style;
import dev.iamkata.tui.text.StyledLine;
import java.util.ArrayList;
import java.util.List;

/** The parts every screen has: a title bar on top and a key bar at the bottom. */
final class Chrome {
  private Chrome() {}

  /** The title bar: {@code left} and, right-aligned, {@code right}. */
  static void title(Canvas c, String left, String right) {
    c.bar(0, Style.SELECTED);
    c.text(1, 0, left, Style.SELECTED);
    int w = CharWidth.of(right);
    if (w > 0 && CharWidth.of(left) + w + 3 <= c.width()) {
      c.text(c.width() - w - 1, 0, right, Style.SELECTED);
    }
  }

  /**
   * The key bar: pairs of key and what it does, e.g. {@code "Enter", "open"}; drops pairs that do
   * not fit rather than cutting one in half.
   */
  static void keys(Canvas c, String... pairs) {
    int row = c.height() - 1;
    List<Span> spans = new ArrayList<>();
    int used = 0;
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      Span key = new Span(" " + pairs[i] + " ", Style.KEY_HINT);
      Span what = new Span(" " + pairs[i + 1] + "  ", Style.NORMAL);
      int w = key.width() + what.width();
      if (used + w > c.width()) {
        break;
      }
      spans.add(key);
      spans.add(what);
      used += w;
    }
    c.line(0, row, new StyledLine(spans));
  }

  /** A progress bar {@code width} columns wide: {@code ████░░░░}. */
  static List<Span> bar(int done, int total, int width) {
    int filled = total == 0 ? 0 : Math.min(width, Math.round((float) width * done / total));
    return List.of(
        new Span("█".repeat(filled), Style.PASS), new Span("░".repeat(width - filled), Style.DIM));
  }
}
