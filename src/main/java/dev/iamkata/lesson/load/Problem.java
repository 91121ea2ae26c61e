package dev.iamkata.lesson.load;

import java.nio.file.Path;

/**
 * One thing wrong with a lesson file, where it is and what was expected. {@link #toString()} is the
 * {@code FILE:LINE:COL: message} line editors and {@code kata lint} show.
 */
public record Problem(Path file, int line, int column, String message)
    implements Comparable<Problem> {

  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }

  @Override
  public int compareTo(Problem o) {
    int c = file.toString().compareTo(o.file.toString());
    if (c == 0) {
      c = Integer.compare(line, o.line);
    }
    return c != 0 ? c : Integer.compare(column, o.column);
  }
}
