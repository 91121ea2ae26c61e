package dev.iamkata.shell;

import dev.iamkata.shell.Word.Literal;
import dev.iamkata.shell.Word.Part;
import dev.iamkata.shell.Word.Substitution;
import dev.iamkata.shell.Word.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one logical command line (possibly several physical lines with heredoc bodies) into tokens,
 * the way bash reads it: quotes, backslash escapes, {@code $NAME}, {@code ${NAME}}, {@code $(...)}
 * and backticks, operators, redirections and heredocs. A pure function of the text.
 */
final class Lexer {
  private static final String METACHARACTERS = " \t\n;&|<>()";

  private final String s;
  private final List<Token> tokens = new ArrayList<>();
  private final List<PendingHeredoc> pending = new ArrayList<>();
  private int pos;

  private record PendingHeredoc(int index, String delimiter, boolean stripTabs, boolean expand) {}

  private Lexer(String text) {
    this.s = text.replace("\r\n", "\n");
  }

  /** The tokens of {@code text}. */
  static List<Token> lex(String text) throws SyntaxError {
    return new Lexer(text).run();
  }

  private List<Token> run() throws SyntaxError {
    while (true) {
      while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
        pos++;
      }
      if (pos >= s.length()) {
        break;
      }
      char c = s.charAt(pos);
      if (c == '#') {
        while (pos < s.length() && s.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == '\n') {
        pos++;
        tokens.add(new Token.Operator("\n"));
        readHeredocBodies();
      } else if (c == '\\' && pos + 1 < s.length() && s.charAt(pos + 1) == '\n') {
        pos += 2;
      } else if (!operator()) {
        tokens.add(new Token.WordToken(word()));
      }
    }
    if (!pending.isEmpty()) {
      throw new SyntaxError(
          "here-document delimited by end-of-file (wanted `" + pending.get(0).delimiter() + "')");
    }
    return tokens;
  }

  /** Reads an operator or redirection at {@code pos}; false when a word starts here. */
  private boolean operator() throws SyntaxError {
    int fd = -1;
    int at = pos;
    while (at < s.length() && Character.isDigit(s.charAt(at))) {
      at++;
    }
    if (at > pos && at < s.length() && (s.charAt(at) == '>' || s.charAt(at) == '<')) {
      fd = Integer.parseInt(s.substring(pos, at));
    } else {
      at = pos;
    }
    String rest = s.substring(at);
    if (fd < 0) {
      for (String op : List.of("&&", "||", ";", "|")) {
        if (rest.startsWith(op)) {
          pos = at + op.length();
          tokens.add(new Token.Operator(op));
          return true;
        }
      }
      if (rest.startsWith("&>")) {
        throw new SyntaxError("`&>' is not supported; write `> FILE 2>&1'");
      }
      if (rest.startsWith("&")) {
        throw new SyntaxError("background jobs (`&') are not supported in this shell");
      }
      if (rest.startsWith("(") || rest.startsWith(")")) {
        throw SyntaxError.near(rest.substring(0, 1));
      }
    }
    if (rest.startsWith("<<<")) {
      return redirection(at + 3, fd < 0 ? 0 : fd, "<<<");
    }
    if (rest.startsWith("<<")) {
      heredoc(at + 2);
      return true;
    }
    for (String op : List.of(">>", ">&", ">|", ">", "<")) {
      if (rest.startsWith(op)) {
        int defaultFd = op.startsWith("<") ? 0 : 1;
        return redirection(at + op.length(), fd < 0 ? defaultFd : fd, op.equals(">|") ? ">" : op);
      }
    }
    return false;
  }

  private boolean redirection(int next, int fd, String op) {
    pos = next;
    tokens.add(new Token.Redirection(fd, op));
    return true;
  }

  private void heredoc(int at) throws SyntaxError {
    boolean strip = at < s.length() && s.charAt(at) == '-';
    if (strip) {
      at++;
    }
    while (at < s.length() && (s.charAt(at) == ' ' || s.charAt(at) == '\t')) {
      at++;
    }
    HeredocWord word = HeredocWord.read(s, at);
    if (word.delimiter().isEmpty()) {
      throw SyntaxError.near(
          at >= s.length() || s.charAt(at) == '\n' ? "newline" : "" + s.charAt(at));
    }
    pos = word.end();
    pending.add(new PendingHeredoc(tokens.size(), word.delimiter(), strip, !word.quoted()));
    tokens.add(null); // replaced by the Heredoc once its body is read
  }

  private void readHeredocBodies() throws SyntaxError {
    while (!pending.isEmpty()) {
      PendingHeredoc p = pending.remove(0);
      StringBuilder body = new StringBuilder();
      boolean closed = false;
      while (pos < s.length()) {
        int nl = s.indexOf('\n', pos);
        int end = nl < 0 ? s.length() : nl;
        String line = s.substring(pos, end);
        pos = nl < 0 ? s.length() : nl + 1;
        if (p.stripTabs()) {
          line = line.replaceFirst("^\t+", "");
        }
        if (line.equals(p.delimiter())) {
          closed = true;
          break;
        }
        body.append(line).append('\n');
      }
      if (!closed) {
        throw new SyntaxError(
            "here-document delimited by end-of-file (wanted `" + p.delimiter() + "')");
      }
      tokens.set(p.index(), new Token.Heredoc(body.toString(), p.expand()));
    }
  }

  /** Reads one word: until an unquoted blank or metacharacter. */
  private Word word() throws SyntaxError {
    int start = pos;
    List<Part> parts = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    while (pos < s.length() && METACHARACTERS.indexOf(s.charAt(pos)) < 0) {
      char c = s.charAt(pos);
      if (c == '\'') {
        flush(parts, lit, false);
        int close = s.indexOf('\'', pos + 1);
        if (close < 0) {
          throw SyntaxError.unclosed("'");
        }
        parts.add(new Literal(s.substring(pos + 1, close), true));
        pos = close + 1;
      } else if (c == '"') {
        flush(parts, lit, false);
        pos++;
        parts.addAll(doubleQuoted());
      } else if (c == '\\') {
        flush(parts, lit, false);
        if (pos + 1 >= s.length()) {
          pos++;
        } else if (s.charAt(pos + 1) == '\n') {
          pos += 2;
        } else {
          parts.add(new Literal(String.valueOf(s.charAt(pos + 1)), true));
          pos += 2;
        }
      } else if (c == '$' || c == '`') {
        expansionOrLiteral(c, false, parts, lit);
      } else {
        lit.append(c);
        pos++;
      }
    }
    flush(parts, lit, false);
    return new Word(parts, s.substring(start, pos));
  }

  /** The inside of {@code "..."}, {@code pos} just after the opening quote. */
  private List<Part> doubleQuoted() throws SyntaxError {
    List<Part> parts = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    while (true) {
      if (pos >= s.length()) {
        throw SyntaxError.unclosed("\"");
      }
      char c = s.charAt(pos);
      if (c == '"') {
        pos++;
        break;
      }
      if (c == '\\' && pos + 1 < s.length() && "$`\"\\\n".indexOf(s.charAt(pos + 1)) >= 0) {
        if (s.charAt(pos + 1) != '\n') {
          lit.append(s.charAt(pos + 1));
        }
        pos += 2;
      } else if (c == '$' || c == '`') {
        expansionOrLiteral(c, true, parts, lit);
      } else {
        lit.append(c);
        pos++;
      }
    }
    // "" is an empty word, not no word
    parts.add(new Literal(lit.toString(), true));
    return parts;
  }

  /** An expansion at {@code pos} ({@code $...} or a backtick), or null for a literal {@code $}. */
  private Part expansion(boolean quoted) throws SyntaxError {
    if (s.charAt(pos) == '`') {
      int close = s.indexOf('`', pos + 1);
      if (close < 0) {
        throw SyntaxError.unclosed("`");
      }
      String inner = s.substring(pos + 1, close);
      pos = close + 1;
      return new Substitution(inner, quoted);
    }
    if (pos + 1 >= s.length()) {
      return null;
    }
    char n = s.charAt(pos + 1);
    if (n == '(') {
      if (s.startsWith("((", pos + 1)) {
        throw new SyntaxError("arithmetic `$((...))' is not supported in this shell");
      }
      int close = Parens.matching(s, pos + 1);
      if (close < 0) {
        throw SyntaxError.unclosed(")");
      }
      String inner = s.substring(pos + 2, close);
      pos = close + 1;
      return new Substitution(inner, quoted);
    }
    if (n == '{') {
      return braced(quoted);
    }
    if (n == '?' || n == '#' || n == '@' || n == '*' || n == '$' || Character.isDigit(n)) {
      pos += 2;
      return new Variable(String.valueOf(n), null, false, quoted);
    }
    int end = pos + 1;
    while (end < s.length()
        && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')
        && s.charAt(end) < 128) {
      end++;
    }
    if (end == pos + 1 || Character.isDigit(n)) {
      return null;
    }
    String name = s.substring(pos + 1, end);
    pos = end;
    return new Variable(name, null, false, quoted);
  }

  /** {@code ${NAME}}, {@code ${NAME:-word}}, {@code ${NAME-word}}. */
  private Part braced(boolean quoted) throws SyntaxError {
    int close = s.indexOf('}', pos + 2);
    if (close < 0) {
      throw SyntaxError.unclosed("}");
    }
    String inside = s.substring(pos + 2, close);
    String original = s.substring(pos, close + 1);
    pos = close + 1;
    int op = inside.indexOf('-');
    String name = op < 0 ? inside : inside.substring(0, op);
    boolean colon = name.endsWith(":");
    if (colon) {
      name = name.substring(0, name.length() - 1);
    }
    if (!(Names.isName(name) || name.equals("?"))) {
      throw new SyntaxError(original + ": bad substitution");
    }
    Word fallback = null;
    if (op >= 0) {
      String text = inside.substring(op + 1);
      fallback = heredocBody(text);
    } else if (!inside.equals(name)) {
      throw new SyntaxError(original + ": bad substitution");
    }
    return new Variable(name, fallback, colon, quoted);
  }

  /**
   * At a {@code $} or backquote: the expansion it starts as a part of its own, or, when it starts
   * none (a lone {@code $}), the character as literal text.
   */
  private void expansionOrLiteral(char c, boolean quoted, List<Part> parts, StringBuilder lit)
      throws SyntaxError {
    Part p = expansion(quoted);
    if (p == null) {
      lit.append(c);
      pos++;
    } else {
      flush(parts, lit, quoted);
      parts.add(p);
    }
  }

  private static void flush(List<Part> parts, StringBuilder lit, boolean quoted) {
    if (lit.length() > 0) {
      parts.add(new Literal(lit.toString(), quoted));
      lit.setLength(0);
    }
  }

  /** Splits an unquoted heredoc body into parts, as bash expands it (like double quotes). */
  static Word heredocBody(String body) throws SyntaxError {
    Lexer l = new Lexer(body + "\"");
    List<Part> parts = l.doubleQuotedHeredoc();
    return new Word(parts, body);
  }

  /** Like {@link #doubleQuoted} but {@code "} is ordinary; the sentinel quote ends the body. */
  private List<Part> doubleQuotedHeredoc() throws SyntaxError {
    List<Part> parts = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int last = s.length() - 1;
    while (pos < last) {
      char c = s.charAt(pos);
      if (c == '\\' && pos + 1 < last && "$`\\\n".indexOf(s.charAt(pos + 1)) >= 0) {
        if (s.charAt(pos + 1) != '\n') {
          lit.append(s.charAt(pos + 1));
        }
        pos += 2;
      } else if (c == '$' || c == '`') {
        expansionOrLiteral(c, true, parts, lit);
      } else {
        lit.append(c);
        pos++;
      }
    }
    flush(parts, lit, true);
    return parts;
  }
}
