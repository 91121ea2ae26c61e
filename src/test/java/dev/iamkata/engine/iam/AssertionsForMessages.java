package dev.iamkata.engine.iam;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Message checks JUnit lacks. */
final class AssertionsForMessages {
  private AssertionsForMessages() {}

  static void startsWith(String prefix, String actual) {
    assertTrue(
        actual.startsWith(prefix), () -> "expected <" + prefix + "...> but was <" + actual + ">");
  }
}
