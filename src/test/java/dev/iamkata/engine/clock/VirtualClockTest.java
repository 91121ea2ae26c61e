package dev.iamkata.engine.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VirtualClockTest {
  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void advancingMovesVirtualTimeButNotBaseTime() {
    VirtualClock clock = new VirtualClock(Clock.fixed(T0, ZoneOffset.UTC));
    assertEquals(T0, clock.instant());
    assertEquals(Instant.parse("2026-11-23T11:01:00Z"), clock.advance(Duration.ofMinutes(61)));
    assertEquals(Instant.parse("2026-11-23T11:01:00Z"), clock.instant());
    assertEquals(T0, clock.baseInstant());
    assertEquals(Duration.ofMinutes(61), clock.offset());
  }

  @Test
  void timeNeverRunsBackwards() {
    VirtualClock clock = new VirtualClock(Clock.fixed(T0, ZoneOffset.UTC));
    assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
    assertEquals(T0, clock.instant());
  }

  @Test
  void restoringAnOffset() {
    VirtualClock clock = new VirtualClock(Clock.fixed(T0, ZoneOffset.UTC));
    clock.restoreOffset(Duration.ofHours(2));
    assertEquals(T0.plusSeconds(7200), clock.instant());
  }
}
