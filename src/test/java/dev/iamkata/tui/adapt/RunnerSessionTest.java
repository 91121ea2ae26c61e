package dev.iamkata.tui.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamkata.backend.Backend;
import dev.iamkata.backend.Capabilities;
import dev.iamkata.backend.Capability;
import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.lesson.CommandResult;
import dev.iamkata.lesson.load.LessonLoader;
import dev.iamkata.lesson.progress.ProgressStore;
import dev.iamkata.lesson.run.LessonRunner;
import dev.iamkata.tui.i18n.Language;
import dev.iamkata.tui.i18n.Messages;
import dev.iamkata.tui.model.StepView;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lesson screen's model marks, before the lesson starts, each check the backend cannot verify,
 * with the reason the runner will give when it skips it.
 */
class RunnerSessionTest {
  @TempDir Path kataHome;

  /** moto without auth, as the probe measured it: nothing enforced, no clock, no expiry. */
  static final class Moto implements Backend {
    @Override
    public String name() {
      return "external";
    }

    @Override
    public String endpoint() {
      return "http://127.0.0.1:9";
    }

    @Override
    public String region() {
      return "us-east-1";
    }

    @Override
    public String accountId() {
      return "123456789012";
    }

    @Override
    public String secondAccountId() {
      return null;
    }

    @Override
    public AccessKeyPair adminKey(String account) {
      return new AccessKeyPair("AKIAADMIN", "secret");
    }

    @Override
    public Capabilities capabilities() {
      return new Capabilities(
          EnumSet.noneOf(Capability.class),
          Set.of("iam", "sts", "s3"),
          Map.of(Capability.TOKEN_EXPIRY, "a session past its Expiration still got ok"));
    }

    @Override
    public void reset() {}

    @Override
    public String snapshot() {
      return "";
    }

    @Override
    public void restore(String snapshot) {}

    @Override
    public Instant clockTime() {
      return Instant.EPOCH;
    }

    @Override
    public void advanceClock(Duration by) {}

    @Override
    public void close() {}
  }

  /** The two-step lesson on moto, every command succeeding and seen by {@code ran}. */
  private LessonRunner twoSteps(java.util.function.Consumer<String> ran) throws Exception {
    return new LessonRunner(
        LessonLoader.load(Path.of("src/test/resources/dev/iamkata/lesson/runner/two-steps")),
        new Moto(),
        (line, ws) -> {
          ran.accept(line);
          return new CommandResult(line, 0, "", "", Duration.ZERO, List.of());
        },
        kataHome.resolve("sandbox"),
        ProgressStore.at(kataHome),
        Clock.systemUTC());
  }

  @Test
  void stepsCarryTheirUnverifiableChecksBeforeTheLessonStarts() throws Exception {
    LessonRunner runner = twoSteps(line -> {});
    RunnerSession session =
        new RunnerSession(runner, new Moto(), ProgressStore.at(kataHome), Messages.of(Language.EN));
    List<StepView> steps = session.steps();
    assertEquals(List.of(), steps.get(0).unverifiable(), "a file check needs nothing");
    assertEquals(
        List.of(
            runner.lesson().steps().get(1).checks().get(0).describe()
                + ": cannot be verified on this backend (external): no token-expiry (a session"
                + " past its Expiration still got ok)"),
        steps.get(1).unverifiable());
    RunnerSession ja =
        new RunnerSession(runner, new Moto(), ProgressStore.at(kataHome), Messages.of(Language.JA));
    assertEquals(
        runner.lesson().steps().get(1).checks().get(0).describe()
            + ": このバックエンド（external）では確認できません: no token-expiry (a session past its"
            + " Expiration still got ok)",
        ja.steps().get(1).unverifiable().get(0));
  }

  @Test
  void aLineTheGateDoesNotRunLeavesTheViewOnTheRunnersNewStep() throws Exception {
    List<String> ran = new java.util.ArrayList<>();
    LessonRunner runner = twoSteps(ran::add);
    boolean[] push = {true};
    // an instructor's push to step 2 waiting before the first line, as a workshop's gate sees it
    dev.iamkata.shell.LineGate gate =
        (line, next) -> {
          if (push[0]) {
            push[0] = false;
            try {
              runner.jumpTo(1);
            } catch (dev.iamkata.lesson.run.LessonException e) {
              throw new IllegalStateException(e);
            }
            return new CommandResult(line, 1, "", "moved\n", Duration.ZERO, List.of());
          }
          return next.run(line);
        };
    RunnerSession session =
        new RunnerSession(
            runner, new Moto(), ProgressStore.at(kataHome), Messages.of(Language.EN), gate);
    runner.start();
    assertEquals(0, session.current());
    RunnerSession.Submitted held = session.submit("echo typed-for-step-1");
    assertEquals(false, held.ran());
    assertEquals("moved\n", held.result().stderr());
    assertEquals(1, session.current(), "the view follows the runner to step 2");
    assertEquals(false, ran.contains("echo typed-for-step-1"));
    RunnerSession.Submitted next = session.submit("echo for-step-2");
    assertEquals(true, next.ran());
    assertEquals(true, ran.contains("echo for-step-2"));
  }

  @Test
  void anEmptyLineLetsTheGateMoveTheViewWithTheRunner() throws Exception {
    LessonRunner runner = twoSteps(line -> {});
    dev.iamkata.shell.LineGate gate =
        new dev.iamkata.shell.LineGate() {
          @Override
          public CommandResult run(String line, Line next) throws InterruptedException {
            return next.run(line);
          }

          @Override
          public String idle() {
            try {
              runner.jumpTo(1); // the push the learner was told of while idle
            } catch (dev.iamkata.lesson.run.LessonException | InterruptedException e) {
              throw new IllegalStateException(e);
            }
            return "moved\n";
          }
        };
    RunnerSession session =
        new RunnerSession(
            runner, new Moto(), ProgressStore.at(kataHome), Messages.of(Language.EN), gate);
    runner.start();
    assertEquals("moved\n", session.idle());
    assertEquals(1, session.current());
  }
}
