package dev.iamkata.shell;

/**
 * Finds the {@code )} that closes a {@code $(}, skipping quotes, escapes and nested parentheses.
 */
final class Parens {
  private Parens() {}

  /**
   * @param s the text
   * @param open the index of the {@code (}
   * @return the index of its {@code )}, or -1 when it is never closed
   */
  static int matching(String s, int open) {
    int depth = 0;
    char quote = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        }
      } else if (c == '\\') {
        i++;
      } else if (quote == '"') {
        if (c == '"') {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
