package dev.iamkata.engine.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  @ParameterizedTest
  @CsvSource({"90s,PT1M30S", "15m,PT15M", "1h,PT1H", "1h30m,PT1H30M", "2d,PT48H", "1H,PT1H"})
  void parsesTheShortForms(String text, String expected) {
    assertEquals(Duration.parse(expected), Durations.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "1", "h", "-1h", "1h-", "0s", "1.5h", "1 h"})
  void rejectsAnythingElseWithAMessage(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
    assertTrue(e.getMessage().contains("duration"), e.getMessage());
  }
}
