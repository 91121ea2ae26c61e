package dev.iamkata.tui.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A small highlighter for the code blocks lessons contain: JSON (keys, strings, literals) and shell
 * (prompt, comments, flags, quoted strings). Anything else is shown as plain code.
 */
public final class CodeHighlighter {
  private static final Set<String> JSON = Set.of("json", "jsonc");
  private static final Set<String> SHELL = Set.of("sh", "bash", "shell", "console", "zsh");

  private CodeHighlighter() {}

  /** Highlights one line of a block tagged {@code lang} (may be empty). */
  public static List<Span> line(String lang, String line) {
    String l = lang == null ? "" : lang.toLowerCase(Locale.ROOT);
    if (JSON.contains(l) || l.isEmpty() && line.stripLeading().matches("^[\\[{\"}\\]].*")) {
      return json(line);
    }
    if (SHELL.contains(l) || l.isEmpty()) {
      return shell(line);
    }
    return List.of(new Span(line, Style.CODE));
  }

  static List<Span> json(String line) {
    List<Span> out = new ArrayList<>();
    int i = 0;
    StringBuilder other = new StringBuilder();
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '"') {
        int end = stringEnd(line, i);
        flush(out, other, Style.CODE);
        int after = skipSpaces(line, end);
        boolean key = after < line.length() && line.charAt(after) == ':';
        out.add(new Span(line.substring(i, end), key ? Style.CODE_KEY : Style.CODE_STRING));
        i = end;
      } else if (Character.isDigit(c) || c == '-' && i + 1 < line.length()) {
        int end = i + 1;
        while (end < line.length() && "0123456789.eE+-".indexOf(line.charAt(end)) >= 0) {
          end++;
        }
        flush(out, other, Style.CODE);
        out.add(new Span(line.substring(i, end), Style.CODE_LITERAL));
        i = end;
      } else if (startsWord(line, i, "true")
          || startsWord(line, i, "false")
          || startsWord(line, i, "null")) {
        int end = i;
        while (end < line.length() && Character.isLetter(line.charAt(end))) {
          end++;
        }
        flush(out, other, Style.CODE);
        out.add(new Span(line.substring(i, end), Style.CODE_LITERAL));
        i = end;
      } else {
        other.append(c);
        i++;
      }
    }
    flush(out, other, Style.CODE);
    return out;
  }

  static List<Span> shell(String line) {
    List<Span> out = new ArrayList<>();
    int i = 0;
    int lead = skipSpaces(line, 0);
    if (line.startsWith("$ ", lead)) {
      out.add(new Span(line.substring(0, lead + 2), Style.CODE_PROMPT));
      i = lead + 2;
    }
    StringBuilder other = new StringBuilder();
    while (i < line.length()) {
      char c = line.charAt(i);
      boolean wordStart = i == 0 || line.charAt(i - 1) == ' ';
      if (c == '#' && wordStart) {
        flush(out, other, Style.CODE);
        out.add(new Span(line.substring(i), Style.CODE_COMMENT));
        return out;
      } else if (c == '\'' || c == '"') {
        int end = line.indexOf(c, i + 1);
        end = end < 0 ? line.length() : end + 1;
        flush(out, other, Style.CODE);
        out.add(new Span(line.substring(i, end), Style.CODE_STRING));
        i = end;
      } else if (c == '-' && wordStart) {
        int end = line.indexOf(' ', i);
        end = end < 0 ? line.length() : end;
        flush(out, other, Style.CODE);
        out.add(new Span(line.substring(i, end), Style.CODE_FLAG));
        i = end;
      } else {
        other.append(c);
        i++;
      }
    }
    flush(out, other, Style.CODE);
    return out;
  }

  private static boolean startsWord(String line, int i, String word) {
    return line.startsWith(word, i) && (i == 0 || !Character.isLetter(line.charAt(i - 1)));
  }

  private static int stringEnd(String line, int start) {
    int i = start + 1;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '"') {
        return i + 1;
      }
      i++;
    }
    return line.length();
  }

  private static int skipSpaces(String line, int i) {
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static void flush(List<Span> out, StringBuilder b, Style style) {
    if (b.length() > 0) {
      out.add(new Span(b.toString(), style));
      b.setLength(0);
    }
  }
}
