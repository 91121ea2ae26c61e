package dev.iamkata.tui.model;

import java.time.Instant;

/**
 * The lesson's virtual clock.
 *
 * @param now the backend's time
 * @param before the time before the last jump ({@code wait 1h}), or null when it has not jumped
 * @param sessionExpiration the {@code Expiration} of the session credentials the learner holds, or
 *     null when they hold none
 */
public record ClockView(Instant now, Instant before, Instant sessionExpiration) {}
