package dev.iamkata.lesson.run;

import dev.iamkata.backend.Capabilities;
import dev.iamkata.backend.Capability;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a lesson shows expiry on a backend that honours {@code Expiration} but whose clock cannot be
 * moved (moto, LocalStack): sessions are asked for with the shortest duration STS allows, {@code
 * --duration-seconds 900}, and the step's {@code wait} waits that long for real, with a countdown.
 * Only where allowed: the interactive shell offers it, {@code kata verify} and {@code kata grade}
 * need {@code --real-wait}; otherwise expiry checks are skipped.
 */
public final class RealWait {
  /** The session length asked for, STS's minimum: 15 minutes. */
  public static final Duration SESSION = Duration.ofSeconds(900);

  /** Waited beyond {@link #SESSION}, so a backend clock slightly behind ours is past Expiration. */
  static final Duration MARGIN = Duration.ofSeconds(5);

  private static final Duration TICK = Duration.ofSeconds(1);
  private static final Pattern ASSUME_ROLE =
      Pattern.compile("\\baws\\s+sts\\s+assume-role(?=\\s|$|\\))");

  /** Sleeps; tests inject one that does not. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /** Told the time left before every tick and once more with zero at the end. */
  @FunctionalInterface
  public interface Countdown {
    void left(Duration remaining);
  }

  private static final RealWait OFF = new RealWait(false, d -> {}, left -> {});

  private final boolean allowed;
  private final Sleeper sleeper;
  private final Countdown countdown;

  private RealWait(boolean allowed, Sleeper sleeper, Countdown countdown) {
    this.allowed = allowed;
    this.sleeper = sleeper;
    this.countdown = countdown;
  }

  /** No real waits: expiry checks need a clock that moves. */
  public static RealWait off() {
    return OFF;
  }

  /** Real waits with {@code sleeper}, telling {@code countdown} the time left. */
  public static RealWait allowed(Sleeper sleeper, Countdown countdown) {
    return new RealWait(true, sleeper, countdown);
  }

  /** Real waits with {@link Thread#sleep}, the countdown printed to {@code out}. */
  public static RealWait real(PrintStream out, boolean live) {
    return allowed(d -> Thread.sleep(d.toMillis()), printing(out, live));
  }

  public boolean isAllowed() {
    return allowed;
  }

  /**
   * Whether lessons on a backend with {@code have} run in real time: it honours expiry, its clock
   * cannot be moved, and a real wait is allowed.
   */
  public boolean appliesTo(Capabilities have) {
    return allowed && have.has(Capability.TOKEN_EXPIRY) && !have.has(Capability.CLOCK_CONTROL);
  }

  /**
   * How long a step's {@code wait asked} really waits: past the end of a session of {@link
   * #SESSION}, however much more the lesson's clock would have jumped.
   */
  public static Duration length(Duration asked) {
    return (asked.compareTo(SESSION) < 0 ? asked : SESSION).plus(MARGIN);
  }

  /** Waits {@code d} in ticks of a second, telling the countdown before each. */
  public void await(Duration d) throws InterruptedException {
    Duration left = d;
    while (left.compareTo(Duration.ZERO) > 0) {
      countdown.left(left);
      Duration step = left.compareTo(TICK) < 0 ? left : TICK;
      sleeper.sleep(step);
      left = left.minus(step);
    }
    countdown.left(Duration.ZERO);
  }

  /**
   * {@code line} with {@code --duration-seconds 900} after every {@code aws sts assume-role} that
   * has none, so the session can be waited out; other lines unchanged.
   */
  public static String shortSessions(String line) {
    if (line.contains("--duration-seconds")) {
      return line;
    }
    Matcher m = ASSUME_ROLE.matcher(line);
    return m.find()
        ? m.replaceAll("aws sts assume-role --duration-seconds " + SESSION.toSeconds())
        : line;
  }

  /**
   * A countdown on {@code out}: with {@code live}, one line rewritten every second (a terminal);
   * else a line a minute (logs).
   */
  public static Countdown printing(PrintStream out, boolean live) {
    boolean[] started = {false};
    return left -> {
      long s = left.toSeconds();
      String text =
          String.format(Locale.ROOT, "waiting in real time: %d:%02d left", s / 60, s % 60);
      if (live) {
        out.print("\r" + text + (s == 0 ? "\n" : ""));
        out.flush();
      } else if (!started[0] || s % 60 == 0) {
        out.println(text);
      }
      started[0] = s != 0;
    };
  }
}
