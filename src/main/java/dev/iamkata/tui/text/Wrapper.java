package dev.iamkata.tui.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Word-wrapping for a terminal that shows Japanese: Latin text breaks at spaces, Japanese text
 * between any two characters, and no line is ever wider than asked. Basic kinsoku shori: a line
 * never starts with closing punctuation ({@code 、。）」} …) and never ends with an opening bracket
 * ({@code （「} …); such characters stay with their neighbour. A word longer than the line is cut at
 * a character boundary.
 */
public final class Wrapper {
  /** Characters a line must not start with (closing punctuation, small kana, prolonged sound). */
  static final String NO_LINE_START = "、。，．・：；？！）」』】〕〉》｝］’”ゝゞーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎ々〻,.;:!?)]}%";

  /** Characters a line must not end with (opening brackets). */
  static final String NO_LINE_END = "（「『【〔〈《｛［‘“([{";

  private Wrapper() {}

  /** Wraps plain text in one style. */
  public static List<StyledLine> wrap(String text, Style style, int width) {
    return wrap(List.of(new Span(text, style)), width, List.of(), List.of());
  }

  /** Wraps {@code spans} to {@code width} columns. */
  public static List<StyledLine> wrap(List<Span> spans, int width) {
    return wrap(spans, width, List.of(), List.of());
  }

  /**
   * Wraps {@code spans} to {@code width} columns, the first line starting with {@code first} and
   * the others with {@code rest} (a hanging indent for list items and quotes). Newlines in the text
   * force a break.
   */
  public static List<StyledLine> wrap(
      List<Span> spans, int width, List<Span> first, List<Span> rest) {
    Cells cells = Cells.of(spans);
    List<StyledLine> out = new ArrayList<>();
    Line line = new Line(first, width);
    List<Span> prefix = rest;
    int i = 0;
    int n = cells.size();
    while (i < n) {
      if (cells.ch(i) == '\n') {
        out.add(line.done());
        line = new Line(prefix, width);
        i++;
        continue;
      }
      int end = unitEnd(cells, i);
      if (cells.ch(i) == ' ') {
        line.pendingSpace(cells, i, end);
        i = end;
        continue;
      }
      int w = cells.width(i, end);
      if (line.fits(w)) {
        line.add(cells, i, end);
        i = end;
      } else if (!line.isEmpty()) {
        out.add(line.done());
        line = new Line(prefix, width);
      } else {
        // Longer than a whole line: cut it where it stops fitting (at least one char).
        int cut = i;
        while (cut < end && line.fits(cells.width(i, cut + 1))) {
          cut++;
        }
        cut = Math.max(cut, i + 1);
        line.add(cells, i, cut);
        out.add(line.done());
        line = new Line(prefix, width);
        i = cut;
      }
    }
    out.add(line.done());
    return out;
  }

  /** The end (exclusive) of the unbreakable unit starting at {@code i}. */
  private static int unitEnd(Cells cells, int i) {
    int j = i + 1;
    while (j < cells.size() && !breakBetween(cells.ch(j - 1), cells.ch(j))) {
      j++;
    }
    return j;
  }

  /** Whether a line may break between {@code a} and {@code b}. */
  static boolean breakBetween(char a, char b) {
    if (b == '\n' || a == '\n') {
      return true;
    }
    if (Character.isHighSurrogate(a)) {
      return false;
    }
    boolean aSpace = a == ' ';
    boolean bSpace = b == ' ';
    if (aSpace || bSpace) {
      return aSpace != bSpace;
    }
    if (NO_LINE_START.indexOf(b) >= 0 || NO_LINE_END.indexOf(a) >= 0) {
      return false;
    }
    return CharWidth.breaksAnywhere(a) || CharWidth.breaksAnywhere(b);
  }

  /** Characters with their styles, flattened from spans. */
  private record Cells(StringBuilder text, List<Style> styles) {
    static Cells of(List<Span> spans) {
      StringBuilder text = new StringBuilder();
      List<Style> styles = new ArrayList<>();
      for (Span s : spans) {
        for (int k = 0; k < s.text().length(); k++) {
          char c = s.text().charAt(k);
          text.append(c == '\t' ? ' ' : c);
          styles.add(s.style());
        }
      }
      return new Cells(text, styles);
    }

    int size() {
      return text.length();
    }

    char ch(int i) {
      return text.charAt(i);
    }

    int width(int from, int to) {
      return CharWidth.of(text.substring(from, to));
    }
  }

  /** A line being filled. */
  private static final class Line {
    private final List<Span> spans = new ArrayList<>();
    private final int width;
    private int used;
    private int spaceFrom = -1;
    private int spaceTo = -1;
    private Cells spaceCells;
    private boolean content;

    Line(List<Span> prefix, int width) {
      this.width = width;
      spans.addAll(prefix);
      int w = 0;
      for (Span s : prefix) {
        w += s.width();
      }
      used = w;
    }

    boolean isEmpty() {
      return !content;
    }

    boolean fits(int w) {
      return used + pendingWidth() + w <= width;
    }

    private int pendingWidth() {
      return spaceCells == null ? 0 : spaceTo - spaceFrom;
    }

    void pendingSpace(Cells cells, int from, int to) {
      if (content) {
        spaceCells = cells;
        spaceFrom = from;
        spaceTo = to;
      }
    }

    void add(Cells cells, int from, int to) {
      if (spaceCells != null) {
        append(spaceCells, spaceFrom, spaceTo);
        spaceCells = null;
      }
      append(cells, from, to);
      content = true;
    }

    private void append(Cells cells, int from, int to) {
      int k = from;
      while (k < to) {
        Style style = cells.styles().get(k);
        int e = k;
        while (e < to && cells.styles().get(e) == style) {
          e++;
        }
        String piece = cells.text().substring(k, e);
        spans.add(new Span(piece, style));
        used += CharWidth.of(piece);
        k = e;
      }
    }

    StyledLine done() {
      return new StyledLine(merge(spans));
    }

    private static List<Span> merge(List<Span> spans) {
      List<Span> out = new ArrayList<>();
      for (Span s : spans) {
        if (s.text().isEmpty()) {
          continue;
        }
        int last = out.size() - 1;
        if (last >= 0 && out.get(last).style() == s.style()) {
          out.set(last, new Span(out.get(last).text() + s.text(), s.style()));
        } else {
          out.add(s);
        }
      }
      return out;
    }
  }
}
