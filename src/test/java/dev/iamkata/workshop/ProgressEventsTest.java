package dev.iamkata.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProgressEventsTest {
  private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

  private static void apply(LearnerState l, String json) throws Exception {
    ProgressEvents.apply(l, WorkshopStore.JSON.readTree(json), NOW);
  }

  @Test
  void checksAreCountedAndTheLastProblemIsTheLastError() throws Exception {
    LearnerState l = new LearnerState();
    apply(l, "{\"type\":\"started\",\"lesson\":\"x\",\"steps\":3}");
    apply(l, "{\"type\":\"step\",\"step\":1,\"stepId\":\"a\",\"stepTitle\":\"A\"}");
    apply(
        l,
        "{\"type\":\"checks\",\"step\":1,\"stepId\":\"a\",\"checks\":["
            + "{\"kind\":\"probe\",\"description\":\"d\",\"status\":\"PASS\",\"millis\":3},"
            + "{\"kind\":\"state\",\"description\":\"e\",\"status\":\"TIMEOUT\",\"message\":\"slow\"},"
            + "{\"kind\":\"file\",\"description\":\"f\",\"status\":\"SKIPPED\"}]}");
    apply(l, "{\"type\":\"hint\"}");
    assertEquals(1, l.checksPassed);
    assertEquals(1, l.checksFailed);
    assertEquals("slow", l.lastError);
    assertEquals(1, l.hintsUsed);
    assertEquals(3, l.stepRecords.get("a").checks.size());
    assertEquals(NOW, l.lastActivity);
    var row = ProgressEvents.row(l, NOW.plusSeconds(90));
    assertEquals(90, row.path("idleSeconds").asInt());
    assertFalse(row.has("token"));
  }

  @Test
  void unknownTypesAndStatusesAreRefused() {
    LearnerState l = new LearnerState();
    assertEquals(
        400,
        assertThrows(WorkshopException.class, () -> apply(l, "{\"type\":\"delete-all\"}"))
            .status());
    assertThrows(
        WorkshopException.class,
        () ->
            apply(l, "{\"type\":\"checks\",\"stepId\":\"a\",\"checks\":[{\"status\":\"GREAT\"}]}"));
  }

  @Test
  void secretsAreRandomAndComparedWhole() {
    assertTrue(Secrets.joinCode().matches("[A-HJ-NP-Z2-9]{8}"));
    String t = Secrets.token();
    assertEquals(32, t.length());
    assertTrue(Secrets.same(t, new String(t)));
    assertFalse(Secrets.same(t, t.substring(1)));
    assertFalse(Secrets.same(t, null));
  }

  @Test
  void theRateLimiterRefusesABurstAndRefills() {
    Instant[] now = {NOW};
    Clock clock =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now[0];
          }
        };
    RateLimiter limiter = new RateLimiter(2, 4, clock);
    for (int i = 0; i < 4; i++) {
      assertTrue(limiter.allow("a"));
    }
    assertFalse(limiter.allow("a"));
    assertTrue(limiter.allow("b"), "buckets are per caller");
    now[0] = NOW.plusSeconds(1);
    assertTrue(limiter.allow("a"));
    assertTrue(limiter.allow("a"));
    assertFalse(limiter.allow("a"));
  }
}
