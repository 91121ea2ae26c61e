package dev.iamkata.tui.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown (the subset lesson bodies use) to styled terminal lines of a given width: headings,
 * paragraphs with inline styles, bullet and numbered lists, block quotes, fenced and indented code
 * blocks (highlighted, cut rather than wrapped so commands stay copyable), tables and links as
 * "text (url)". Pure: the same text and width always give the same lines.
 */
public final class MarkdownRenderer {
  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");
  private static final Pattern BULLET = Pattern.compile("^(\\s*)[-*+]\\s+(.*)$");
  private static final Pattern NUMBERED = Pattern.compile("^(\\s*)(\\d+)[.)]\\s+(.*)$");
  private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)\\s*([\\w+-]*).*$");

  private MarkdownRenderer() {}

  /** Renders {@code markdown} for a terminal {@code width} columns wide. */
  public static List<StyledLine> render(String markdown, int width) {
    List<StyledLine> out = new ArrayList<>();
    String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
    int i = 0;
    while (i < lines.length) {
      String line = lines[i];
      Matcher m;
      if (line.isBlank()) {
        i++;
        continue;
      }
      separate(out);
      if ((m = FENCE.matcher(line)).matches()) {
        i = codeBlock(lines, i + 1, m.group(1), m.group(2), width, out);
      } else if (indentedCode(line)) {
        List<String> code = new ArrayList<>();
        while (i < lines.length && (indentedCode(lines[i]) || lines[i].isBlank())) {
          code.add(lines[i].isBlank() ? "" : lines[i].substring(lines[i].startsWith("\t") ? 1 : 4));
          i++;
        }
        while (!code.isEmpty() && code.get(code.size() - 1).isEmpty()) {
          code.remove(code.size() - 1);
        }
        for (String c : code) {
          for (StyledLine l : cut(CodeHighlighter.line("", c), width - 2)) {
            out.add(l.prefixed(new Span("  ", Style.CODE)));
          }
        }
      } else if ((m = HEADING.matcher(line)).matches()) {
        Style style = m.group(1).length() <= 2 ? Style.HEADING : Style.STRONG;
        out.addAll(Wrapper.wrap(InlineMarkdown.parse(m.group(2).strip(), style), width));
        i++;
      } else if (line.stripLeading().startsWith("|")) {
        List<String> rows = new ArrayList<>();
        while (i < lines.length && lines[i].stripLeading().startsWith("|")) {
          rows.add(lines[i++]);
        }
        out.addAll(TableRenderer.render(rows, width));
      } else if (BULLET.matcher(line).matches() || NUMBERED.matcher(line).matches()) {
        i = list(lines, i, width, out);
      } else if (line.startsWith(">")) {
        StringBuilder quote = new StringBuilder();
        while (i < lines.length && lines[i].startsWith(">")) {
          join(quote, lines[i++].replaceFirst("^>\\s?", ""));
        }
        List<Span> bar = List.of(new Span("│ ", Style.QUOTE));
        out.addAll(
            Wrapper.wrap(InlineMarkdown.parse(quote.toString(), Style.QUOTE), width, bar, bar));
      } else {
        StringBuilder para = new StringBuilder();
        while (i < lines.length && continuesParagraph(lines[i])) {
          join(para, lines[i++]);
        }
        out.addAll(Wrapper.wrap(InlineMarkdown.parse(para.toString(), Style.NORMAL), width));
      }
    }
    return out;
  }

  /** A line of an indented code block (four spaces or a tab), outside lists. */
  private static boolean indentedCode(String line) {
    return line.startsWith("    ") || line.startsWith("\t");
  }

  private static boolean continuesParagraph(String line) {
    return !line.isBlank()
        && !indentedCode(line)
        && !HEADING.matcher(line).matches()
        && !FENCE.matcher(line).matches()
        && !BULLET.matcher(line).matches()
        && !NUMBERED.matcher(line).matches()
        && !line.stripLeading().startsWith("|")
        && !line.startsWith(">");
  }

  /**
   * Joins a source line onto a paragraph: with a space between Latin words, without one between
   * Japanese characters or after Japanese punctuation (a newline in Japanese source is not a
   * space).
   */
  static void join(StringBuilder para, String line) {
    String next = line.strip();
    if (para.length() > 0 && !next.isEmpty()) {
      char last = para.charAt(para.length() - 1);
      boolean cjkJoin = CharWidth.breaksAnywhere(last) && CharWidth.breaksAnywhere(next.charAt(0));
      boolean afterFullStop = "。、．，！？）」』".indexOf(last) >= 0;
      if (!cjkJoin && !afterFullStop) {
        para.append(' ');
      }
    }
    para.append(next);
  }

  private static void separate(List<StyledLine> out) {
    if (!out.isEmpty()) {
      out.add(StyledLine.EMPTY);
    }
  }

  private static int codeBlock(
      String[] lines, int i, String fence, String lang, int width, List<StyledLine> out) {
    List<Span> indent = List.of(new Span("  ", Style.CODE));
    while (i < lines.length && !lines[i].strip().startsWith(fence)) {
      for (StyledLine l : cut(CodeHighlighter.line(lang, lines[i]), width - 2)) {
        out.add(l.prefixed(indent.get(0)));
      }
      i++;
    }
    return i + 1;
  }

  /** Cuts a code line into pieces of at most {@code width} columns, keeping every space. */
  static List<StyledLine> cut(List<Span> spans, int width) {
    List<StyledLine> out = new ArrayList<>();
    List<Span> current = new ArrayList<>();
    int used = 0;
    for (Span s : spans) {
      String rest = s.text();
      while (!rest.isEmpty()) {
        String piece = CharWidth.fit(rest, width - used);
        if (piece.isEmpty() && used > 0) {
          out.add(new StyledLine(current));
          current = new ArrayList<>();
          used = 0;
          continue;
        }
        if (piece.isEmpty()) {
          piece = rest.substring(0, 1);
        }
        current.add(new Span(piece, s.style()));
        used += CharWidth.of(piece);
        rest = rest.substring(piece.length());
      }
    }
    out.add(new StyledLine(current));
    return out;
  }

  private static int list(String[] lines, int i, int width, List<StyledLine> out) {
    while (i < lines.length) {
      Matcher b = BULLET.matcher(lines[i]);
      Matcher n = NUMBERED.matcher(lines[i]);
      String indent;
      String marker;
      StringBuilder text = new StringBuilder();
      if (b.matches()) {
        indent = b.group(1);
        marker = "• ";
        text.append(b.group(2).strip());
      } else if (n.matches()) {
        indent = n.group(1);
        marker = n.group(2) + ". ";
        text.append(n.group(3).strip());
      } else {
        break;
      }
      i++;
      while (i < lines.length && continuesParagraph(lines[i]) && lines[i].startsWith("  ")) {
        join(text, lines[i++]);
      }
      String pad = " ".repeat(Math.min(indent.length(), 8));
      List<Span> first = List.of(new Span(pad + marker, Style.BULLET));
      List<Span> rest = List.of(new Span(" ".repeat(CharWidth.of(pad + marker)), Style.NORMAL));
      out.addAll(
          Wrapper.wrap(InlineMarkdown.parse(text.toString(), Style.NORMAL), width, first, rest));
    }
    return i;
  }
}
