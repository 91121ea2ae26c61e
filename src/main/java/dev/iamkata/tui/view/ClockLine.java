package dev.iamkata.tui.view;

import dev.iamkata.tui.model.ClockView;
import dev.iamkata.tui.text.Span;
import dev.iamkata.tui.text.Style;
import dev.iamkata.tui.text.StyledLine;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The virtual clock as one line: the time, the last jump ({@code 10:00 → 11:01}) and the session
 * credentials' {@code Expiration} relative to it ("expired 1 min ago").
 */
final class ClockLine {
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private ClockLine() {}

  static StyledLine of(ClockView clock, ZoneId zone, UiContext ctx) {
    List<Span> spans = new ArrayList<>();
    spans.add(new Span(ctx.t("clock.label") + " ", Style.DIM));
    String now = HH_MM.format(clock.now().atZone(zone));
    if (clock.before() != null && clock.before().isBefore(clock.now())) {
      String before = HH_MM.format(clock.before().atZone(zone));
      spans.add(new Span(before + " → " + now, Style.WARN));
      spans.add(
          new Span(
              " ("
                  + ctx.t("clock.jumped", duration(Duration.between(clock.before(), clock.now())))
                  + ")",
              Style.DIM));
    } else {
      spans.add(new Span(now, Style.STRONG));
    }
    if (clock.sessionExpiration() != null) {
      String exp = HH_MM.format(clock.sessionExpiration().atZone(zone));
      Duration left = Duration.between(clock.now(), clock.sessionExpiration());
      spans.add(new Span("  ·  ", Style.DIM));
      if (left.isNegative() || left.isZero()) {
        spans.add(new Span(ctx.t("clock.expired", exp, duration(left.negated())), Style.FAIL));
      } else {
        spans.add(new Span(ctx.t("clock.expires", exp, duration(left)), Style.NORMAL));
      }
    }
    return new StyledLine(spans);
  }

  /** {@code 1m35s}, {@code 1h02m}: time spent on a step, for the finish screen. */
  static String elapsed(Duration d) {
    long s = d.getSeconds();
    return s < 3600 && s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : duration(d);
  }

  /** {@code 1h01m}, {@code 59m}, {@code 30s}: short, the same in both languages. */
  static String duration(Duration d) {
    long s = d.getSeconds();
    if (s < 60) {
      return s + "s";
    }
    long h = s / 3600;
    long m = s % 3600 / 60;
    return h > 0 ? String.format("%dh%02dm", h, m) : m + "m";
  }
}
