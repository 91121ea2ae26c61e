package dev.iamkata.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script (a lesson solution, a grader's file, a {@code --batch} file) into the logical
 * command lines a learner would type one at a time: comments and blank lines dropped, {@code \}
 * continuations joined, a heredoc kept together with its body and terminator as one entry. Each
 * entry carries the line number (1-based) where it starts, for messages such as {@code
 * script.sh:12}.
 *
 * <p>Pure functions over text; the same scanner answers {@link #isComplete} for the interactive
 * shell's secondary prompt.
 */
public final class ScriptLines {

  /** One logical command line and the source line it starts on. */
  public record Entry(int line, String text) {}

  private ScriptLines() {}

  /** The logical lines of {@code script}, in order. */
  public static List<Entry> split(String script) {
    return new Scanner(script).entries();
  }

  /**
   * Whether {@code input} is a complete command: no quote, {@code $(} or heredoc left open and no
   * trailing {@code \}. The interactive shell asks for more lines while this is false.
   */
  public static boolean isComplete(String input) {
    Scanner s = new Scanner(input);
    s.entries();
    return !s.incomplete;
  }

  /** A heredoc waiting for its body: the delimiter and whether leading tabs are stripped. */
  private record Pending(String delimiter, boolean stripTabs) {}

  /** A one-pass scanner over the text, tracking quotes and the heredocs the current line opened. */
  private static final class Scanner {
    private final String text;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Pending> pending = new ArrayList<>();
    private StringBuilder current = new StringBuilder();
    private int pos;
    private int lineNo = 1;
    private int startLine = -1;
    private boolean incomplete;

    Scanner(String text) {
      this.text = text.replace("\r\n", "\n");
    }

    List<Entry> entries() {
      char quote = 0; // ' or " while inside quotes
      int parens = 0; // depth of $( ... ) outside quotes
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (quote == '\'') {
          append(c);
          pos++;
          if (c == '\'') {
            quote = 0;
          } else if (c == '\n') {
            lineNo++;
          }
          continue;
        }
        if (c == '\\') {
          if (pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
            pos += 2; // a continuation: bash removes both characters
            lineNo++;
            continue;
          }
          if (pos + 1 >= text.length()) {
            incomplete = true; // a trailing backslash asks for the next line
            pos++;
            continue;
          }
          append(c);
          append(text.charAt(pos + 1));
          pos += 2;
          continue;
        }
        if (quote == '"') {
          append(c);
          pos++;
          if (c == '"') {
            quote = 0;
          } else if (c == '\n') {
            lineNo++;
          }
          continue;
        }
        switch (c) {
          case '\'', '"' -> {
            quote = c;
            append(c);
            pos++;
          }
          case '#' -> {
            if (atWordStart()) {
              while (pos < text.length() && text.charAt(pos) != '\n') {
                pos++;
              }
            } else {
              append(c);
              pos++;
            }
          }
          case '(' -> {
            if (pos > 0 && text.charAt(pos - 1) == '$') {
              parens++;
            }
            append(c);
            pos++;
          }
          case ')' -> {
            if (parens > 0) {
              parens--;
            }
            append(c);
            pos++;
          }
          case '<' -> heredocOperator();
          case '\n' -> {
            pos++;
            lineNo++;
            if (parens > 0) {
              append('\n');
            } else {
              endOfLine();
            }
          }
          default -> {
            append(c);
            pos++;
          }
        }
      }
      if (quote != 0 || parens > 0 || !pending.isEmpty()) {
        incomplete = true;
      }
      if (!pending.isEmpty()) {
        pending.clear();
      }
      flush();
      return entries;
    }

    /**
     * True when a {@code #} here starts a comment: at the line's start or after blanks/operators.
     */
    private boolean atWordStart() {
      if (current.length() == 0) {
        return true;
      }
      char before = current.charAt(current.length() - 1);
      return Character.isWhitespace(before) || before == ';' || before == '&' || before == '|';
    }

    /**
     * Handles {@code <}, {@code <<}, {@code <<-} and {@code <<<}; records a heredoc's delimiter.
     */
    private void heredocOperator() {
      if (!text.startsWith("<<", pos) || text.startsWith("<<<", pos)) {
        int n = text.startsWith("<<<", pos) ? 3 : 1;
        current.append(text, pos, pos + n);
        markStart();
        pos += n;
        return;
      }
      int at = pos + 2;
      boolean strip = at < text.length() && text.charAt(at) == '-';
      if (strip) {
        at++;
      }
      while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
        at++;
      }
      HeredocWord word = HeredocWord.read(text, at);
      current.append(text, pos, word.end());
      markStart();
      pos = word.end();
      if (!word.delimiter().isEmpty()) {
        pending.add(new Pending(word.delimiter(), strip));
      }
    }

    /** A newline outside quotes: reads the bodies of open heredocs, then ends the entry. */
    private void endOfLine() {
      while (!pending.isEmpty()) {
        Pending p = pending.remove(0);
        boolean closed = false;
        while (pos < text.length()) {
          int nl = text.indexOf('\n', pos);
          int end = nl < 0 ? text.length() : nl;
          String bodyLine = text.substring(pos, end);
          pos = nl < 0 ? text.length() : nl + 1;
          lineNo++;
          current.append('\n').append(bodyLine);
          String compared = p.stripTabs() ? bodyLine.replaceFirst("^\t+", "") : bodyLine;
          if (compared.equals(p.delimiter())) {
            closed = true;
            break;
          }
        }
        if (!closed) {
          incomplete = true;
        }
      }
      flush();
    }

    private void append(char c) {
      current.append(c);
      if (!Character.isWhitespace(c)) {
        markStart();
      }
    }

    private void markStart() {
      if (startLine < 0) {
        startLine = lineNo;
      }
    }

    private void flush() {
      String t = current.toString().strip();
      if (!t.isEmpty()) {
        entries.add(new Entry(startLine < 0 ? lineNo : startLine, t));
      }
      current = new StringBuilder();
      startLine = -1;
    }
  }
}
