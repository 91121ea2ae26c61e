package dev.iamkata.engine.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A wildcard pattern: {@code *} matches any run of characters and {@code ?} any one character.
 * Matching never backtracks more than the product of pattern and value lengths whatever the
 * pattern, so policy text can never cause catastrophic backtracking, and no regular expression is
 * ever built from it. A Glob is immutable and compiled once per policy entry, so a request only
 * walks the value.
 */
final class Glob {
  private static final int ANY_RUN = -1;
  private static final int ANY_RUN_WITHIN_SEGMENT = -2;
  private static final int ANY_ONE = -3;

  /** Characters as non-negative code units, wildcards as the negative constants above. */
  private final int[] tokens;

  /** How {@link #matches} goes about it, decided once from the tokens. */
  private final Shape shape;

  private enum Shape {
    /** A lone {@code *}: everything matches. */
    ANYTHING,
    /** No wildcards: the value must be the same length and match character by character. */
    EXACT,
    /** {@code *} and {@code ?} only: the usual two-pointer match with one backtracking point. */
    UNBOUNDED,
    /** Some {@code *} must stay within an ARN segment: a dynamic programme over one row. */
    SEGMENTED
  }

  private Glob(int[] tokens) {
    this.tokens = tokens;
    this.shape = shapeOf(tokens);
  }

  static Glob of(String pattern) {
    int[] tokens = new int[pattern.length()];
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = wildcard(pattern.charAt(i));
    }
    return new Glob(tokens);
  }

  static Glob of(ResolvedText text) {
    int length = 0;
    for (ResolvedText.Piece piece : text.pieces()) {
      length += piece.text().length();
    }
    int[] tokens = new int[length];
    int at = 0;
    for (ResolvedText.Piece piece : text.pieces()) {
      String chars = piece.text();
      for (int i = 0; i < chars.length(); i++) {
        char c = chars.charAt(i);
        tokens[at++] = piece.literal() ? c : wildcard(c);
      }
    }
    return new Glob(tokens);
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
    return List.copyOf(parts);
  }

  boolean matches(String value, boolean ignoreCase) {
    return switch (shape) {
      case ANYTHING -> true;
      case EXACT -> exact(value, ignoreCase);
      case UNBOUNDED -> unbounded(value, ignoreCase);
      case SEGMENTED -> segmented(value, ignoreCase);
    };
  }

  private boolean exact(String value, boolean ignoreCase) {
    if (value.length() != tokens.length) {
      return false;
    }
    for (int i = 0; i < tokens.length; i++) {
      if (!same(tokens[i], value.charAt(i), ignoreCase)) {
        return false;
      }
    }
    return true;
  }

  /**
   * With only unbounded stars, a star need only be remembered until the next one: whatever the
   * earlier star could have absorbed, the later one can too.
   */
  private boolean unbounded(String value, boolean ignoreCase) {
    int length = value.length();
    int t = 0;
    int v = 0;
    int star = -1;
    int resume = 0;
    while (v < length) {
      if (t < tokens.length
          && tokens[t] != ANY_RUN
          && (tokens[t] == ANY_ONE || same(tokens[t], value.charAt(v), ignoreCase))) {
        t++;
        v++;
      } else if (t < tokens.length && tokens[t] == ANY_RUN) {
        star = t++;
        resume = v;
      } else if (star >= 0) {
        t = star + 1;
        v = ++resume;
      } else {
        return false;
      }
    }
    while (t < tokens.length && tokens[t] == ANY_RUN) {
      t++;
    }
    return t == tokens.length;
  }

  /** row[j]: the tokens consumed so far match the first j characters of the value. */
  private boolean segmented(String value, boolean ignoreCase) {
    int length = value.length();
    boolean[] row = new boolean[length + 1];
    row[0] = true;
    for (int token : tokens) {
      boolean any = false;
      if (token == ANY_RUN || token == ANY_RUN_WITHIN_SEGMENT) {
        any = row[0];
        for (int j = 1; j <= length; j++) {
          boolean canExtend = token == ANY_RUN || value.charAt(j - 1) != ':';
          row[j] = row[j] || (row[j - 1] && canExtend);
          any |= row[j];
        }
      } else {
        for (int j = length; j >= 1; j--) {
          row[j] = row[j - 1] && (token == ANY_ONE || same(token, value.charAt(j - 1), ignoreCase));
          any |= row[j];
        }
        row[0] = false;
      }
      if (!any) {
        return false;
      }
    }
    return row[length];
  }

  private static Shape shapeOf(int[] tokens) {
    if (tokens.length == 1 && tokens[0] == ANY_RUN) {
      return Shape.ANYTHING;
    }
    Shape shape = Shape.EXACT;
    for (int token : tokens) {
      if (token == ANY_RUN_WITHIN_SEGMENT) {
        return Shape.SEGMENTED;
      }
      if (token == ANY_RUN || token == ANY_ONE) {
        shape = Shape.UNBOUNDED;
      }
    }
    return shape;
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
