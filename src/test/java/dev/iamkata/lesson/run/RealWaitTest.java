package dev.iamkata.lesson.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.backend.Capabilities;
import dev.iamkata.backend.Capability;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The real wait's arithmetic, line rewriting and countdown, with a sleeper that does not sleep. */
class RealWaitTest {

  @Test
  void waitsInTicksOfASecondAndCountsDown() throws Exception {
    List<Duration> slept = new ArrayList<>();
    List<Duration> told = new ArrayList<>();
    RealWait.allowed(slept::add, told::add).await(Duration.ofMillis(2500));
    assertEquals(
        List.of(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(500)), slept);
    assertEquals(
        List.of(
            Duration.ofMillis(2500),
            Duration.ofMillis(1500),
            Duration.ofMillis(500),
            Duration.ZERO),
        told);
  }

  @Test
  void aWaitOutlastsAFifteenMinuteSessionButNoMore() {
    assertEquals(Duration.ofSeconds(905), RealWait.length(Duration.ofHours(1)));
    assertEquals(Duration.ofSeconds(905), RealWait.length(Duration.ofMinutes(15)));
    assertEquals(Duration.ofSeconds(65), RealWait.length(Duration.ofMinutes(1)));
  }

  @Test
  void assumeRoleAsksForFifteenMinutesUnlessTheLineSaysHowLong() {
    assertEquals(
        "aws sts assume-role --duration-seconds 900 --role-arn R --role-session-name s",
        RealWait.shortSessions("aws sts assume-role --role-arn R --role-session-name s"));
    assertEquals(
        "read -r A B C <<< \"$(aws sts assume-role --duration-seconds 900 --role-arn R"
            + " --query 'Credentials' --output text)\"",
        RealWait.shortSessions(
            "read -r A B C <<< \"$(aws sts assume-role --role-arn R --query 'Credentials'"
                + " --output text)\""));
    String given = "aws sts assume-role --role-arn R --duration-seconds 3600";
    assertEquals(given, RealWait.shortSessions(given));
    assertEquals(
        "aws sts assume-role-with-web-identity --role-arn R",
        RealWait.shortSessions("aws sts assume-role-with-web-identity --role-arn R"));
    assertEquals("aws s3 ls", RealWait.shortSessions("aws s3 ls"));
  }

  @Test
  void appliesOnlyWhereExpiryIsHonouredAndTheClockCannotMove() {
    RealWait on = RealWait.allowed(d -> {}, d -> {});
    Capabilities expiryNoClock =
        new Capabilities(EnumSet.of(Capability.TOKEN_EXPIRY), Set.of("sts"), Map.of());
    Capabilities clock = Capabilities.all(Set.of("sts"));
    Capabilities neither =
        new Capabilities(EnumSet.noneOf(Capability.class), Set.of("sts"), Map.of());
    assertTrue(on.appliesTo(expiryNoClock));
    assertFalse(on.appliesTo(clock), "a clock that moves needs no waiting");
    assertFalse(on.appliesTo(neither), "waiting shows nothing where sessions never expire");
    assertFalse(RealWait.off().appliesTo(expiryNoClock));
    assertFalse(RealWait.off().isAllowed());
  }

  @Test
  void theLogCountdownPrintsTheStartAndEveryMinute() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    RealWait.allowed(d -> {}, RealWait.printing(out, false)).await(Duration.ofSeconds(125));
    assertEquals(
        "waiting in real time: 2:05 left\n"
            + "waiting in real time: 2:00 left\n"
            + "waiting in real time: 1:00 left\n"
            + "waiting in real time: 0:00 left\n",
        bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theLiveCountdownRewritesOneLine() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    RealWait.allowed(d -> {}, RealWait.printing(out, true)).await(Duration.ofSeconds(2));
    assertEquals(
        "\rwaiting in real time: 0:02 left\rwaiting in real time: 0:01 left"
            + "\rwaiting in real time: 0:00 left\n",
        bytes.toString(StandardCharsets.UTF_8));
  }
}
