package dev.iamkata.shell;

import java.util.List;

/** The parsed shape of a command line: lists of and-or chains of pipelines of simple commands. */
final class Ast {
  private Ast() {}

  /** Commands separated by {@code ;} or newlines. */
  record Script(List<AndOr> chains) {}

  /**
   * Pipelines joined by {@code &&} / {@code ||}.
   *
   * @param ops {@code ops.get(i)} joins {@code pipelines.get(i)} and {@code pipelines.get(i + 1)}
   */
  record AndOr(List<Pipeline> pipelines, List<String> ops) {}

  /** Simple commands joined by {@code |}. */
  record Pipeline(List<Simple> commands) {}

  /** {@code NAME=VALUE ... word ... redirection ...}. */
  record Simple(List<Assignment> assignments, List<Word> words, List<Redirect> redirects) {}

  /** {@code NAME=VALUE} before the command word (or alone). */
  record Assignment(String name, Word value) {}

  /**
   * A redirection.
   *
   * @param fd the descriptor redirected (0 stdin, 1 stdout, 2 stderr)
   * @param op {@code >}, {@code >>}, {@code <}, {@code <<<}, {@code >&} or {@code <<} (heredoc)
   * @param target the file (or descriptor for {@code >&}, or here-string) word; null for heredocs
   * @param heredoc the heredoc body token, for {@code <<}
   */
  record Redirect(int fd, String op, Word target, Token.Heredoc heredoc) {}
}
