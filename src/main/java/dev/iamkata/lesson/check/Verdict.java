package dev.iamkata.lesson.check;

import dev.iamkata.lesson.model.Text;

/** What one evaluation found: pass or fail, and the expected/actual texts. */
record Verdict(boolean pass, Text expected, Text actual) {
  static Verdict of(boolean pass, Text expected, Text actual) {
    return new Verdict(pass, expected, actual);
  }
}
