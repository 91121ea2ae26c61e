package dev.iamkata.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * bash's field splitting for {@code read}: IFS whitespace around fields is trimmed and runs of it
 * separate fields; each other IFS character separates exactly one field; the last name gets the
 * rest of the line with trailing IFS whitespace removed.
 */
final class ReadSplit {
  private ReadSplit() {}

  static List<String> split(String line, String ifs, int names) {
    List<String> out = new ArrayList<>();
    int i = skipWhite(line, 0, ifs);
    while (i < line.length() && out.size() < names - 1) {
      int start = i;
      while (i < line.length() && ifs.indexOf(line.charAt(i)) < 0) {
        i++;
      }
      out.add(line.substring(start, i));
      i = skipWhite(line, i, ifs);
      if (i < line.length() && ifs.indexOf(line.charAt(i)) >= 0) {
        i = skipWhite(line, i + 1, ifs); // one non-blank delimiter
      }
    }
    if (i < line.length()) {
      int end = line.length();
      while (end > i && isWhite(line.charAt(end - 1), ifs)) {
        end--;
      }
      out.add(line.substring(i, end));
    }
    return out;
  }

  private static int skipWhite(String line, int i, String ifs) {
    while (i < line.length() && isWhite(line.charAt(i), ifs)) {
      i++;
    }
    return i;
  }

  private static boolean isWhite(char c, String ifs) {
    return (c == ' ' || c == '\t' || c == '\n') && ifs.indexOf(c) >= 0;
  }
}
