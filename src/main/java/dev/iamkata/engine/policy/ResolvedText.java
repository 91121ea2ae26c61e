package dev.iamkata.engine.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Policy text after policy variables were substituted. Pieces from the policy keep their wildcards;
 * pieces that came from a variable are literal, so a {@code *} in a user name cannot widen a match.
 * The readings the condition operators need (pattern, ARN parts, number, date, CIDR block, bytes)
 * are worked out on first use and kept, so a policy value without variables is read only once.
 */
final class ResolvedText {

  /**
   * A run of text.
   *
   * @param text the characters
   * @param literal true when {@code *} and {@code ?} in it are ordinary characters
   */
  record Piece(String text, boolean literal) {}

  private static final int ARN_PARTS = 6;

  private final List<Piece> pieces;
  private final String text;
  // Each reading is immutable and computed the same way by any thread: a race only repeats work.
  private volatile Glob glob;
  private volatile List<Glob> arnParts;
  private volatile Optional<BigDecimal> number;
  private volatile Optional<Instant> date;
  private volatile Optional<IpRange> ipRange;
  private volatile Optional<byte[]> bytes;

  ResolvedText(List<Piece> pieces) {
    this.pieces = List.copyOf(pieces);
    StringBuilder joined = new StringBuilder();
    for (Piece piece : this.pieces) {
      joined.append(piece.text());
    }
    this.text = joined.toString();
  }

  /** Text without variables: every wildcard in it is active. */
  static ResolvedText of(String pattern) {
    return new ResolvedText(List.of(new Piece(pattern, false)));
  }

  List<Piece> pieces() {
    return pieces;
  }

  /** The text with wildcards as plain characters, for the exact-match operators. */
  String text() {
    return text;
  }

  Glob glob() {
    Glob result = glob;
    if (result == null) {
      result = Glob.of(this);
      glob = result;
    }
    return result;
  }

  /** The pattern split into the six colon-separated parts of an ARN (fewer if it has fewer). */
  List<Glob> arnParts() {
    List<Glob> result = arnParts;
    if (result == null) {
      result = glob().split(':', ARN_PARTS);
      arnParts = result;
    }
    return result;
  }

  Optional<BigDecimal> number() {
    Optional<BigDecimal> result = number;
    if (result == null) {
      result = Comparisons.number(text);
      number = result;
    }
    return result;
  }

  Optional<Instant> date() {
    Optional<Instant> result = date;
    if (result == null) {
      result = DateValues.parse(text);
      date = result;
    }
    return result;
  }

  Optional<IpRange> ipRange() {
    Optional<IpRange> result = ipRange;
    if (result == null) {
      result = IpRange.parse(text);
      ipRange = result;
    }
    return result;
  }

  /** The Base64 decoding, which callers must not modify; empty when the text is not Base64. */
  Optional<byte[]> bytes() {
    Optional<byte[]> result = bytes;
    if (result == null) {
      try {
        result = Optional.of(Base64.getDecoder().decode(text));
      } catch (IllegalArgumentException e) {
        result = Optional.empty();
      }
      bytes = result;
    }
    return result;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ResolvedText that && pieces.equals(that.pieces);
  }

  @Override
  public int hashCode() {
    return pieces.hashCode();
  }

  @Override
  public String toString() {
    return "ResolvedText[pieces=" + pieces + "]";
  }
}
