package dev.iamkata.engine.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A wildcard pattern: {@code *} matches any run of characters and {@code ?} any one character.
 * Matching is a dynamic programme over pattern and value, so its cost is bounded by the product of
 * their lengths whatever the pattern: policy text can never cause catastrophic backtracking, and no
 * regular expression is ever built from it.
 */
final class Glob {
  private static final int ANY_RUN = -1;
  private static final int ANY_RUN_WITHIN_SEGMENT = -2;
  private static final int ANY_ONE = -3;

  /** Characters as non-negative code units, wildcards as the negative constants above. */
  private final int[] tokens;

  private Glob(int[] tokens) {
    this.tokens = tokens;
  }

  static Glob of(String pattern) {
    return of(ResolvedText.of(pattern));
  }

  static Glob of(ResolvedText text) {
    IntStream.Builder tokens = IntStream.builder();
    for (ResolvedText.Piece piece : text.pieces()) {
      for (char c : piece.text().toCharArray()) {
        tokens.add(piece.literal() ? c : wildcard(c));
      }
    }
    return new Glob(tokens.build().toArray());
  }

  /**
   * The Resource-element reading of the pattern: a {@code *} stays inside its colon-separated ARN
   * segment unless it is the segment's last character, in which case it may run past colons.
   */
  Glob withinSegments() {
    int[] bounded = tokens.clone();
    for (int i = 0; i + 1 < bounded.length; i++) {
      if (bounded[i] == ANY_RUN && bounded[i + 1] != ':') {
        bounded[i] = ANY_RUN_WITHIN_SEGMENT;
      }
    }
    return new Glob(bounded);
  }

  /** Splits at the first {@code limit - 1} literal separators, like {@link String#split}. */
  List<Glob> split(char separator, int limit) {
    List<Glob> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < tokens.length && parts.size() < limit - 1; i++) {
      if (tokens[i] == separator) {
        parts.add(new Glob(Arrays.copyOfRange(tokens, start, i)));
        start = i + 1;
      }
    }
    parts.add(new Glob(Arrays.copyOfRange(tokens, start, tokens.length)));
    return parts;
  }

  boolean matches(String value, boolean ignoreCase) {
    int length = value.length();
    // row[j]: the tokens consumed so far match the first j characters of the value.
    boolean[] row = new boolean[length + 1];
    row[0] = true;
    for (int token : tokens) {
      boolean[] next = new boolean[length + 1];
      if (token == ANY_RUN || token == ANY_RUN_WITHIN_SEGMENT) {
        next[0] = row[0];
        for (int j = 1; j <= length; j++) {
          boolean canExtend = token == ANY_RUN || value.charAt(j - 1) != ':';
          next[j] = row[j] || (next[j - 1] && canExtend);
        }
      } else {
        for (int j = 1; j <= length; j++) {
          next[j] =
              row[j - 1] && (token == ANY_ONE || same(token, value.charAt(j - 1), ignoreCase));
        }
      }
      row = next;
    }
    return row[length];
  }

  private static int wildcard(char c) {
    return c == '*' ? ANY_RUN : c == '?' ? ANY_ONE : c;
  }

  private static boolean same(int token, char c, boolean ignoreCase) {
    char p = (char) token;
    return p == c
        || (ignoreCase
            && (Character.toUpperCase(p) == Character.toUpperCase(c)
                || Character.toLowerCase(p) == Character.toLowerCase(c)));
  }
}
