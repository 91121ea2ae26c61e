package dev.iamkata.shell;

/**
 * The delimiter word after {@code <<} or {@code <<-}: bash removes its quotes to get the
 * terminator, and any quoting at all ({@code 'EOF'}, {@code "EOF"}, {@code E\OF}) means the body is
 * taken literally, without expansion.
 *
 * @param delimiter the terminator line, quotes removed; empty when no word follows
 * @param quoted whether any part of the word was quoted
 * @param end the index just after the word
 */
record HeredocWord(String delimiter, boolean quoted, int end) {

  /** Reads the word starting at {@code at} (blanks before it already skipped). */
  static HeredocWord read(String text, int at) {
    StringBuilder out = new StringBuilder();
    boolean quoted = false;
    int i = at;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || ";&|<>()".indexOf(c) >= 0) {
        break;
      }
      if (c == '\'' || c == '"') {
        int close = text.indexOf(c, i + 1);
        if (close < 0) {
          close = text.length();
        }
        out.append(text, i + 1, close);
        quoted = true;
        i = Math.min(close + 1, text.length());
      } else if (c == '\\' && i + 1 < text.length()) {
        out.append(text.charAt(i + 1));
        quoted = true;
        i += 2;
      } else {
        out.append(c);
        i++;
      }
    }
    return new HeredocWord(out.toString(), quoted, i);
  }
}
