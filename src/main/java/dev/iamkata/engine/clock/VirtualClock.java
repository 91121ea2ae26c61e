package dev.iamkata.engine.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's one source of time: a base clock plus an offset that only moves forward, so that
 * "wait one hour" is one call and every expiry, timestamp and signature-skew check moves with it.
 */
public final class VirtualClock extends Clock {
  private final Clock base;
  private final AtomicLong offsetMillis;

  public VirtualClock(Clock base) {
    this(base, new AtomicLong());
  }

  private VirtualClock(Clock base, AtomicLong offsetMillis) {
    this.base = base;
    this.offsetMillis = offsetMillis;
  }

  /**
   * Moves time forward; a negative or zero duration is rejected because sessions never un-expire.
   */
  public Instant advance(Duration by) {
    if (by.isNegative() || by.isZero()) {
      throw new IllegalArgumentException("the clock only moves forward: " + by);
    }
    offsetMillis.addAndGet(by.toMillis());
    return instant();
  }

  /**
   * The base clock's time. Clients sign requests with their own real clocks, so signature skew is
   * judged against this, while expiry and timestamps use the advanced {@link #instant()}.
   */
  public Instant baseInstant() {
    return base.instant();
  }

  /** How far this clock is ahead of its base clock. */
  public Duration offset() {
    return Duration.ofMillis(offsetMillis.get());
  }

  /** Sets the offset directly, for restoring a snapshot. */
  public void restoreOffset(Duration offset) {
    offsetMillis.set(offset.toMillis());
  }

  @Override
  public Instant instant() {
    return base.instant().plusMillis(offsetMillis.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
