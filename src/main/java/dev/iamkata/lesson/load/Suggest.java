package dev.iamkata.lesson.load;

import java.util.Collection;

/** "Did you mean": the known word nearest to a misspelt one (Levenshtein distance). */
final class Suggest {
  private Suggest() {}

  /**
   * The nearest of {@code known} to {@code word} when it is close enough to be a typo, else null.
   */
  static String nearest(String word, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(word.toLowerCase(java.util.Locale.ROOT), k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    int allowed = Math.max(2, word.length() / 3);
    return bestDistance <= allowed ? best : null;
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** {@code unknown WHAT "word" in WHERE; did you mean "x"? (expected one of: a, b)}. */
  static String unknown(String what, String word, String where, Collection<String> known) {
    String near = nearest(word, known);
    return "unknown "
        + what
        + " \""
        + word
        + "\""
        + (where.isEmpty() ? "" : " in " + where)
        + (near == null ? "" : "; did you mean \"" + near + "\"?")
        + " (expected one of: "
        + String.join(", ", known)
        + ")";
  }
}
