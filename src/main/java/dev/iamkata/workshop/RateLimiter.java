package dev.iamkata.workshop;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A token bucket per caller: {@code perSecond} requests a second on average, bursts up to {@code
 * burst}. Keeps one learner from flooding the server the whole room shares.
 */
final class RateLimiter {
  private final double perSecond;
  private final double burst;
  private final Clock clock;
  private final Map<String, double[]> buckets = new HashMap<>();

  RateLimiter(double perSecond, double burst, Clock clock) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.clock = clock;
  }

  /** Takes one request from {@code who}'s bucket; false when it is empty. */
  synchronized boolean allow(String who) {
    double now = clock.millis() / 1000.0;
    double[] b = buckets.computeIfAbsent(who, k -> new double[] {burst, now});
    b[0] = Math.min(burst, b[0] + (now - b[1]) * perSecond);
    b[1] = now;
    if (b[0] < 1) {
      return false;
    }
    b[0] -= 1;
    return true;
  }
}
