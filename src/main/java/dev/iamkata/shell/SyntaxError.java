package dev.iamkata.shell;

/**
 * A command line the shell cannot parse. The message reads as bash's would ({@code syntax error
 * near unexpected token `&&'}); the shell prints it after {@code kata: } and exits 2.
 */
public final class SyntaxError extends Exception {
  private static final long serialVersionUID = 1L;

  public SyntaxError(String message) {
    super(message);
  }

  /** bash's message for a token that cannot come where it is. */
  static SyntaxError near(String token) {
    return new SyntaxError("syntax error near unexpected token `" + token + "'");
  }

  /** bash's message for a quote or bracket left open. */
  static SyntaxError unclosed(String what) {
    return new SyntaxError("unexpected EOF while looking for matching `" + what + "'");
  }
}
