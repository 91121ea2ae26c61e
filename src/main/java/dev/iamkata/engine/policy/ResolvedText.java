package dev.iamkata.engine.policy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Policy text after policy variables were substituted. Pieces from the policy keep their wildcards;
 * pieces that came from a variable are literal, so a {@code *} in a user name cannot widen a match.
 *
 * @param pieces the text in order
 */
record ResolvedText(List<Piece> pieces) {

  /**
   * A run of text.
   *
   * @param text the characters
   * @param literal true when {@code *} and {@code ?} in it are ordinary characters
   */
  record Piece(String text, boolean literal) {}

  ResolvedText {
    pieces = List.copyOf(pieces);
  }

  /** Text without variables: every wildcard in it is active. */
  static ResolvedText of(String pattern) {
    return new ResolvedText(List.of(new Piece(pattern, false)));
  }

  /** The text with wildcards as plain characters, for the exact-match operators. */
  String text() {
    return pieces.stream().map(Piece::text).collect(Collectors.joining());
  }

  Glob glob() {
    return Glob.of(this);
  }
}
