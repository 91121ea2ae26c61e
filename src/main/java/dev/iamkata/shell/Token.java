package dev.iamkata.shell;

/** What the lexer hands the parser: words, control operators and redirections. */
sealed interface Token permits Token.WordToken, Token.Operator, Token.Redirection, Token.Heredoc {

  /** A word. */
  record WordToken(Word word) implements Token {}

  /** {@code &&}, {@code ||}, {@code ;}, {@code |} or a newline ({@code "\n"}). */
  record Operator(String op) implements Token {}

  /**
   * A redirection operator whose target is the next word: {@code >}, {@code >>}, {@code <}, {@code
   * <<<}, {@code >&} (as in {@code 2>&1}).
   *
   * @param fd the file descriptor it applies to (1 for {@code >}, 0 for {@code <})
   */
  record Redirection(int fd, String op) implements Token {}

  /**
   * A heredoc with its body already read.
   *
   * @param body the body lines (terminator excluded), each ending in a newline
   * @param expand whether {@code $} expansions apply (the delimiter was not quoted)
   */
  record Heredoc(String body, boolean expand) implements Token {}
}
