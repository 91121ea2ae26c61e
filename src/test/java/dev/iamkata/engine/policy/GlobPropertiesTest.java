package dev.iamkata.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link Glob} matches exactly as the plain dynamic programme it started as, kept here as the
 * reference: whatever the pattern (wildcards from the policy, literal pieces from variables,
 * segment-bounded stars in resources), the value and the case rule.
 */
class GlobPropertiesTest {
  private static final String ALPHABET = "aAbB:/*?-\u0130i\u00DFk\u212A";

  @Property(tries = 3000)
  void matchesLikeTheReference(@ForAll("cases") Case c) {
    Glob glob = Glob.of(new ResolvedText(c.pieces()));
    boolean expected = Reference.matches(c.pieces(), false, c.value(), c.ignoreCase());
    boolean expectedWithinSegments = Reference.matches(c.pieces(), true, c.value(), c.ignoreCase());
    assertEquals(expected, glob.matches(c.value(), c.ignoreCase()));
    assertEquals(expectedWithinSegments, glob.withinSegments().matches(c.value(), c.ignoreCase()));
    Statistics.label("matches").collect(expected, expectedWithinSegments);
    Statistics.label("matches")
        .coverage(
            k -> {
              k.check(true, true).percentage(p -> p >= 10);
              k.check(true, false).count(n -> n >= 5);
              k.check(false, false).percentage(p -> p >= 10);
            });
  }

  /** A pattern, a value and whether case is ignored. */
  record Case(List<ResolvedText.Piece> pieces, String value, boolean ignoreCase) {}

  /**
   * Values are usually written from the pattern (each wildcard filled in, some letters in another
   * case, sometimes one character changed), so that matches and near misses are both common.
   */
  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<ResolvedText.Piece> piece =
        Combinators.combine(
                Arbitraries.strings().withChars(ALPHABET).ofMaxLength(8),
                Arbitraries.of(false, false, true))
            .as(ResolvedText.Piece::new);
    Arbitrary<String> fill = Arbitraries.strings().withChars(ALPHABET).ofMaxLength(4);
    return piece
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .flatMap(
            pieces ->
                Combinators.combine(
                        fill.list().ofSize(32),
                        Arbitraries.integers().between(0, 40),
                        Arbitraries.strings().withChars(ALPHABET).ofMaxLength(14),
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.of(true, false))
                    .as(
                        (fills, flip, random, mode, ignoreCase) ->
                            new Case(
                                pieces, value(pieces, fills, flip, random, mode), ignoreCase)));
  }

  private static String value(
      List<ResolvedText.Piece> pieces, List<String> fills, int flip, String random, int mode) {
    if (mode == 0) {
      return random;
    }
    StringBuilder value = new StringBuilder();
    int filled = 0;
    for (ResolvedText.Piece piece : pieces) {
      for (char c : piece.text().toCharArray()) {
        boolean wildcard = !piece.literal() && (c == '*' || c == '?');
        if (wildcard && c == '*') {
          value.append(fills.get(filled++ % fills.size()));
        } else if (wildcard) {
          value.append(fills.get(filled++ % fills.size()).isEmpty() ? "a" : ":");
        } else {
          int at = value.length();
          value.append(
              at == flip
                  ? Character.toUpperCase(c)
                  : at == flip + 1 ? Character.toLowerCase(c) : c);
        }
      }
    }
    if (mode == 1 && value.length() > 0) {
      value.deleteCharAt(flip % value.length());
    } else if (mode == 2) {
      value.insert(Math.min(flip, value.length()), random.isEmpty() ? ":" : random.substring(0, 1));
    }
    return value.toString();
  }

  /** The original matcher: one row of booleans per pattern token. */
  static final class Reference {
    private static final int ANY_RUN = -1;
    private static final int ANY_RUN_WITHIN_SEGMENT = -2;
    private static final int ANY_ONE = -3;

    static boolean matches(
        List<ResolvedText.Piece> pieces, boolean withinSegments, String value, boolean ignoreCase) {
      List<Integer> list = new ArrayList<>();
      for (ResolvedText.Piece piece : pieces) {
        for (char c : piece.text().toCharArray()) {
          list.add(piece.literal() ? c : c == '*' ? ANY_RUN : c == '?' ? ANY_ONE : c);
        }
      }
      int[] tokens = list.stream().mapToInt(Integer::intValue).toArray();
      if (withinSegments) {
        for (int i = 0; i + 1 < tokens.length; i++) {
          if (tokens[i] == ANY_RUN && tokens[i + 1] != ':') {
            tokens[i] = ANY_RUN_WITHIN_SEGMENT;
          }
        }
      }
      int length = value.length();
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

    private static boolean same(int token, char c, boolean ignoreCase) {
      char p = (char) token;
      return p == c
          || (ignoreCase
              && (Character.toUpperCase(p) == Character.toUpperCase(c)
                  || Character.toLowerCase(p) == Character.toLowerCase(c)));
    }
  }
}
