package dev.iamkata.shell.aws.args;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * argparse's "Invalid choice" message as the CLI lays it out: the choices two per line, padded to
 * 40, then difflib's close matches ({@code get_close_matches}, cutoff 0.8).
 */
public final class Choices {
  private Choices() {}

  /** The message after {@code argument NAME: }. */
  public static String invalid(String value, List<String> choices) {
    StringBuilder msg = new StringBuilder("Invalid choice, valid choices are:\n");
    for (int i = 0; i < choices.size(); i += 2) {
      msg.append('\n');
      List<String> line = new ArrayList<>();
      for (String c : choices.subList(i, Math.min(i + 2, choices.size()))) {
        line.add(String.format("%-40s", c));
      }
      msg.append(String.join(" | ", line));
    }
    List<String> close = closeMatches(value, choices);
    if (!close.isEmpty()) {
      msg.append("\n\n\nInvalid choice: '").append(value).append("', maybe you meant:\n");
      for (String c : close) {
        msg.append("\n  * ").append(c);
      }
    }
    return msg.toString();
  }

  /** difflib's {@code get_close_matches(word, possibilities, n=3, cutoff=0.8)}. */
  public static List<String> closeMatches(String word, List<String> choices) {
    List<String> out = new ArrayList<>();
    for (String c : choices) {
      if (ratio(c, word) >= 0.8) {
        out.add(c);
      }
    }
    out.sort(Comparator.comparingDouble((String c) -> -ratio(c, word)));
    return out.size() > 3 ? out.subList(0, 3) : out;
  }

  /** difflib's {@code SequenceMatcher(None, a, b).ratio()}. */
  static double ratio(String a, String b) {
    int total = a.length() + b.length();
    return total == 0 ? 1.0 : 2.0 * matches(a, 0, a.length(), b, 0, b.length()) / total;
  }

  private static int matches(String a, int alo, int ahi, String b, int blo, int bhi) {
    int bestI = alo;
    int bestJ = blo;
    int bestSize = 0;
    for (int i = alo; i < ahi; i++) {
      for (int j = blo; j < bhi; j++) {
        int k = 0;
        while (i + k < ahi && j + k < bhi && a.charAt(i + k) == b.charAt(j + k)) {
          k++;
        }
        if (k > bestSize) {
          bestI = i;
          bestJ = j;
          bestSize = k;
        }
      }
    }
    if (bestSize == 0) {
      return 0;
    }
    return bestSize
        + matches(a, alo, bestI, b, blo, bestJ)
        + matches(a, bestI + bestSize, ahi, b, bestJ + bestSize, bhi);
  }
}
