package dev.iamkata.tui.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Inline Markdown to spans: {@code `code`}, {@code **strong**}, {@code *emphasis*} / {@code
 * _emphasis_}, and links {@code [text](url)} shown as "text (url)" since a terminal cannot click.
 * Unclosed markers are kept as typed.
 */
public final class InlineMarkdown {
  private InlineMarkdown() {}

  /** Parses {@code text} with {@code base} as the style of plain runs. */
  public static List<Span> parse(String text, Style base) {
    List<Span> out = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int close;
      if (c == '\\' && i + 1 < text.length()) {
        plain.append(text.charAt(i + 1));
        i += 2;
      } else if (c == '`' && (close = text.indexOf('`', i + 1)) > i) {
        flush(out, plain, base);
        out.add(new Span(text.substring(i + 1, close), Style.CODE));
        i = close + 1;
      } else if (text.startsWith("**", i) && (close = text.indexOf("**", i + 2)) > i + 2) {
        flush(out, plain, base);
        out.addAll(parse(text.substring(i + 2, close), Style.STRONG));
        i = close + 2;
      } else if ((c == '*' || c == '_')
          && opensEmphasis(text, i)
          && (close = closer(text, i)) > 0) {
        flush(out, plain, base);
        out.addAll(parse(text.substring(i + 1, close), Style.EMPHASIS));
        i = close + 1;
      } else if (c == '[' && (close = linkEnd(text, i)) > 0) {
        int mid = text.indexOf("](", i);
        flush(out, plain, base);
        out.addAll(parse(text.substring(i + 1, mid), Style.LINK));
        out.add(new Span(" (" + text.substring(mid + 2, close) + ")", Style.DIM));
        i = close + 1;
      } else {
        plain.append(c);
        i++;
      }
    }
    flush(out, plain, base);
    return out;
  }

  private static boolean opensEmphasis(String text, int i) {
    boolean before = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
    return before && i + 1 < text.length() && text.charAt(i + 1) != ' ';
  }

  /** The index of the marker closing the emphasis opened at {@code i}, or -1. */
  private static int closer(String text, int i) {
    char m = text.charAt(i);
    int j = text.indexOf(m, i + 1);
    while (j > 0) {
      boolean after = j + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(j + 1));
      if (text.charAt(j - 1) != ' ' && j > i + 1 && (after || m == '*')) {
        return j;
      }
      j = text.indexOf(m, j + 1);
    }
    return -1;
  }

  /** The index of the {@code )} ending a link that starts at {@code i}, or -1. */
  private static int linkEnd(String text, int i) {
    int mid = text.indexOf("](", i);
    if (mid < 0 || text.indexOf('\n', i) >= 0 && text.indexOf('\n', i) < mid) {
      return -1;
    }
    return text.indexOf(')', mid + 2);
  }

  private static void flush(List<Span> out, StringBuilder plain, Style base) {
    if (plain.length() > 0) {
      out.add(new Span(plain.toString(), base));
      plain.setLength(0);
    }
  }
}
