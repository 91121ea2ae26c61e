package dev.iamkata.tui.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Markdown table ({@code | a | b |} rows, an optional {@code |---|} separator) as box-drawn
 * terminal lines. Columns share the width; a cell too long for its column wraps inside it, so the
 * table never exceeds the width.
 */
final class TableRenderer {
  private TableRenderer() {}

  static List<StyledLine> render(List<String> rows, int width) {
    List<List<String>> cells = new ArrayList<>();
    boolean header = false;
    for (String row : rows) {
      List<String> parsed = split(row);
      if (parsed.stream().allMatch(c -> c.matches(":?-{1,}:?"))) {
        header = cells.size() == 1;
        continue;
      }
      cells.add(parsed);
    }
    int cols = cells.stream().mapToInt(List::size).max().orElse(0);
    if (cols == 0) {
      return List.of();
    }
    int[] widths = columnWidths(cells, cols, width);
    List<StyledLine> out = new ArrayList<>();
    for (int r = 0; r < cells.size(); r++) {
      Style style = header && r == 0 ? Style.TABLE_HEADER : Style.NORMAL;
      out.addAll(row(cells.get(r), widths, style));
      if (header && r == 0) {
        out.add(rule(widths));
      }
    }
    return out;
  }

  private static List<String> split(String row) {
    String t = row.strip();
    if (t.startsWith("|")) {
      t = t.substring(1);
    }
    if (t.endsWith("|") && !t.endsWith("\\|")) {
      t = t.substring(0, t.length() - 1);
    }
    List<String> out = new ArrayList<>();
    for (String c : t.split("(?<!\\\\)\\|", -1)) {
      out.add(c.strip().replace("\\|", "|"));
    }
    return out;
  }

  /** Natural widths, shrunk (widest columns first) until the row fits in {@code width}. */
  private static int[] columnWidths(List<List<String>> cells, int cols, int width) {
    int[] w = new int[cols];
    for (List<String> row : cells) {
      for (int c = 0; c < row.size(); c++) {
        w[c] = Math.max(w[c], plainWidth(row.get(c)));
      }
    }
    int budget = width - 3 * (cols - 1);
    while (Arrays.stream(w).sum() > budget) {
      int widest = 0;
      for (int c = 1; c < cols; c++) {
        if (w[c] > w[widest]) {
          widest = c;
        }
      }
      if (w[widest] <= 2) {
        break;
      }
      w[widest]--;
    }
    return w;
  }

  private static int plainWidth(String cell) {
    int w = 0;
    for (Span s : InlineMarkdown.parse(cell, Style.NORMAL)) {
      w += s.width();
    }
    return w;
  }

  private static List<StyledLine> row(List<String> row, int[] widths, Style style) {
    List<List<StyledLine>> wrapped = new ArrayList<>();
    int height = 1;
    for (int c = 0; c < widths.length; c++) {
      String cell = c < row.size() ? row.get(c) : "";
      List<StyledLine> lines = Wrapper.wrap(InlineMarkdown.parse(cell, style), widths[c]);
      wrapped.add(lines);
      height = Math.max(height, lines.size());
    }
    List<StyledLine> out = new ArrayList<>();
    for (int h = 0; h < height; h++) {
      List<Span> spans = new ArrayList<>();
      for (int c = 0; c < widths.length; c++) {
        if (c > 0) {
          spans.add(new Span(" │ ", Style.TABLE_BORDER));
        }
        List<StyledLine> lines = wrapped.get(c);
        StyledLine piece = h < lines.size() ? lines.get(h) : StyledLine.EMPTY;
        spans.addAll(piece.spans());
        int pad = widths[c] - piece.width();
        if (pad > 0 && c < widths.length - 1) {
          spans.add(new Span(" ".repeat(pad), Style.NORMAL));
        }
      }
      out.add(new StyledLine(spans));
    }
    return out;
  }

  private static StyledLine rule(int[] widths) {
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      if (c > 0) {
        b.append("─┼─");
      }
      b.append("─".repeat(widths[c]));
    }
    return StyledLine.of(b.toString(), Style.TABLE_BORDER);
  }
}
