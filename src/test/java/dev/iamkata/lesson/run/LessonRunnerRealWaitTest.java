package dev.iamkata.lesson.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.backend.Backend;
import dev.iamkata.backend.BackendException;
import dev.iamkata.backend.Capabilities;
import dev.iamkata.backend.Capability;
import dev.iamkata.lesson.AwsCall;
import dev.iamkata.lesson.CommandResult;
import dev.iamkata.lesson.CommandRunner;
import dev.iamkata.lesson.Workspace;
import dev.iamkata.lesson.check.CheckResult;
import dev.iamkata.lesson.check.CheckStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An expiry step on a backend that honours expiry but has no clock (moto, LocalStack): with a real
 * wait allowed, sessions are asked for 15 minutes and {@code wait} sleeps them out; without, the
 * expiry check is skipped with the reason. The sleeper is fake: no test waits 15 minutes.
 */
class LessonRunnerRealWaitTest {
  @TempDir Path kataHome;

  /** Real time is what the sleeper has slept. */
  Duration slept = Duration.ZERO;

  final List<Duration> countdown = new ArrayList<>();
  final List<String> ran = new ArrayList<>();
  final List<LessonEvent> events = new ArrayList<>();
  Duration sessionFrom;
  Duration sessionLasts;

  Capabilities capabilities = expiryWithoutClock();

  static Capabilities expiryWithoutClock() {
    EnumSet<Capability> have = EnumSet.allOf(Capability.class);
    have.remove(Capability.CLOCK_CONTROL);
    return new Capabilities(
        have, Set.of("iam", "sts", "s3"), Map.of(Capability.CLOCK_CONTROL, "not an engine"));
  }

  /** Honours expiry, has snapshots, cannot move its clock. */
  final Backend backend =
      new LessonRunnerTest.FakeBackend() {
        @Override
        public String name() {
          return "external";
        }

        @Override
        public Capabilities capabilities() {
          return capabilities;
        }

        @Override
        public Instant clockTime() {
          return Instant.EPOCH.plus(slept);
        }

        @Override
        public void advanceClock(Duration by) throws BackendException {
          throw new BackendException("the external backend's clock cannot be moved");
        }
      };

  /** A session lives as long as it asked for (an hour by default) in slept time. */
  final CommandRunner shell =
      (String line, Workspace ws) -> {
        ran.add(line);
        try {
          if (line.startsWith("echo hi")) {
            Files.writeString(ws.home().resolve("out.txt"), "hi\n");
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        if (line.startsWith("aws sts assume-role")) {
          sessionFrom = slept;
          sessionLasts =
              line.contains("--duration-seconds 900")
                  ? Duration.ofMinutes(15)
                  : Duration.ofHours(1);
        }
        if (!line.startsWith("aws s3 ls")) {
          return new CommandResult(line, 0, "", "", Duration.ZERO, List.of());
        }
        boolean expired =
            sessionFrom != null && slept.minus(sessionFrom).compareTo(sessionLasts) >= 0;
        return new CommandResult(
            line,
            expired ? 254 : 0,
            "",
            expired ? "An error occurred (ExpiredToken)" : "",
            Duration.ZERO,
            List.of(
                new AwsCall(
                    "s3",
                    "ls",
                    "ListBuckets",
                    "s",
                    null,
                    expired ? 254 : 0,
                    expired ? "ExpiredToken" : null)));
      };

  LessonRunner runner(RealWait wait) throws Exception {
    LessonRunner r =
        new LessonRunner(
                LessonRunnerTest.lesson(),
                backend,
                shell,
                LessonRunner.sandboxFor(kataHome, "two-steps"),
                null,
                Clock.systemUTC())
            .realWait(wait);
    r.addListener(events::add);
    r.start();
    r.submit("echo hi > out.txt");
    assertEquals(1, r.currentIndex(), "in the expiry step");
    return r;
  }

  @Test
  void withARealWaitTheSessionIsShortAndWaitSleepsItOut() throws Exception {
    LessonRunner r = runner(RealWait.allowed(d -> slept = slept.plus(d), countdown::add));
    assertTrue(r.waitsInRealTime());
    CommandResult assumed = r.run("aws sts assume-role --role-arn R --role-session-name s");
    assertEquals(
        "aws sts assume-role --duration-seconds 900 --role-arn R --role-session-name s",
        assumed.line());
    CommandResult waited = r.run("wait 1h");
    assertEquals(0, waited.exitCode(), waited.stderr());
    assertTrue(waited.stdout().startsWith("waited 905 s in real time"), waited.stdout());
    assertEquals(Duration.ofSeconds(905), slept);
    assertEquals(Duration.ofSeconds(905), countdown.get(0));
    assertEquals(Duration.ZERO, countdown.get(countdown.size() - 1));
    assertTrue(
        events.contains(
            new LessonEvent.ClockAdvanced(
                1, Duration.ofSeconds(905), Instant.EPOCH.plusSeconds(905))));
    List<CheckResult> results = r.submit("aws s3 ls --profile s");
    assertEquals(CheckStatus.PASS, results.get(0).status(), results.toString());
    assertTrue(r.finished());
  }

  @Test
  void withoutARealWaitTheExpiryCheckIsSkippedWithTheReason() throws Exception {
    LessonRunner r = runner(RealWait.off());
    assertFalse(r.waitsInRealTime());
    String line = "aws sts assume-role --role-arn R --role-session-name s";
    assertEquals(line, r.run(line).line(), "sessions keep their default length");
    CommandResult refused = r.run("wait 1h");
    assertEquals(1, refused.exitCode());
    assertTrue(refused.stderr().contains("cannot be moved"), refused.stderr());
    assertEquals(Duration.ZERO, slept);
    List<CheckResult> results = r.evaluate();
    assertEquals(CheckStatus.SKIPPED, results.get(0).status());
    assertEquals(
        "cannot be verified on this backend (external): needs clock control; run with"
            + " --real-wait to wait 15 minutes",
        results.get(0).actual().en());
  }

  @Test
  void aBackendWhoseSessionsNeverExpireIsNotWaitedFor() throws Exception {
    capabilities =
        new Capabilities(
            EnumSet.of(Capability.SNAPSHOTS),
            Set.of("iam", "sts", "s3"),
            Map.of(Capability.TOKEN_EXPIRY, "a session past its Expiration still got ok"));
    LessonRunner r = runner(RealWait.allowed(d -> slept = slept.plus(d), countdown::add));
    assertFalse(r.waitsInRealTime());
    assertEquals(1, r.run("wait 1h").exitCode());
    assertEquals(Duration.ZERO, slept);
    assertEquals(
        "cannot be verified on this backend (external): no token-expiry (a session past its"
            + " Expiration still got ok)",
        r.evaluate().get(0).actual().en());
  }
}
