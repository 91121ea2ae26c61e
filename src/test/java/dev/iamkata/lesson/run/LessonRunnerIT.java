package dev.iamkata.lesson.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iamkata.backend.EmbeddedBackend;
import dev.iamkata.lesson.CommandResult;
import dev.iamkata.lesson.check.CheckResult;
import dev.iamkata.lesson.check.CheckStatus;
import dev.iamkata.lesson.load.LessonLoader;
import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.model.Step;
import dev.iamkata.lesson.progress.Progress;
import dev.iamkata.lesson.progress.ProgressStore;
import dev.iamkata.lesson.progress.StepStatus;
import dev.iamkata.shell.AwsModes;
import dev.iamkata.shell.ShellCommandRunner;
import dev.iamkata.shell.SystemAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner through assume-role-basics on the embedded engine with the real shell: wrong attempts
 * and their explanations, hints, a step reset that really restores the backend, skip, the clock,
 * events, the final re-check and progress.
 */
@Tag("slow")
class LessonRunnerIT {
  static final Instant T = Instant.parse("2026-03-04T05:06:07Z");
  @TempDir Path kataHome;

  @Test
  void drivesTheAssumeRoleLesson() throws Exception {
    assumeTrue(SystemAws.onPath() != null, "no aws CLI on PATH: lesson commands cannot run");
    Lesson lesson = LessonLoader.load(Path.of("lessons/assume-role-basics"));
    ProgressStore store = ProgressStore.at(kataHome);
    List<LessonEvent> events = new ArrayList<>();
    try (EmbeddedBackend backend = EmbeddedBackend.start();
        LessonRunner runner =
            new LessonRunner(
                lesson,
                backend,
                new ShellCommandRunner(AwsModes.detect(null)),
                LessonRunner.sandboxFor(kataHome, lesson.id()),
                store,
                Clock.fixed(T, ZoneOffset.UTC))) {
      runner.addListener(events::add);
      runner.start();
      assertEquals(
          kataHome.resolve("sandboxes/assume-role-basics/home").toAbsolutePath(),
          runner.workspace().home());
      String credentials = Files.readString(runner.workspace().awsCredentialsFile());
      assertTrue(
          credentials.contains("[dev-user]") && credentials.contains("[default]"), credentials);
      assertTrue(Files.exists(runner.workspace().home().resolve("trust-policy.json")));

      // a common mistake: no --profile, so the default (admin) profile lists the buckets
      List<CheckResult> wrong = runner.submit("aws s3 ls");
      assertEquals(CheckStatus.FAIL, wrong.get(0).status());
      assertNotNull(wrong.get(0).explanation());
      assertEquals(0, runner.currentIndex());
      assertEquals(
          "Use the S3 listing command of the aws CLI with dev-user's profile.", runner.hint().en());
      runner.submit("aws s3 ls --profile dev-user");
      assertEquals(1, runner.currentIndex());

      // a reset puts the backend back: the policy put in this step is gone again
      runner.run(lesson.steps().get(1).solution().get(0));
      runner.resetStep();
      assertEquals(CheckStatus.FAIL, runner.evaluate().get(0).status());
      runner.skip();
      assertEquals(StepStatus.SKIPPED, runner.status(1));
      assertEquals(2, runner.currentIndex());

      // the clock belongs to the step that declares it
      assertThrows(LessonException.class, () -> runner.waitClock(Duration.ofHours(1)));
      CommandResult early = runner.run("wait 1h");
      assertEquals(1, early.exitCode());

      while (!runner.finished()) {
        Step step = runner.currentStep();
        for (String line : step.solution()) {
          runner.run(line);
        }
        List<CheckResult> results = runner.check();
        assertTrue(results.stream().allMatch(CheckResult::passed), step.id() + ": " + results);
      }
    }
    LessonEvent.LessonFinished finished =
        (LessonEvent.LessonFinished) events.get(events.size() - 1);
    assertTrue(
        finished.steps().stream().allMatch(LessonEvent.StepReport::recheckPassed),
        finished.toString());
    assertFalse(finished.allPassed(), "a skipped step is not a passed step");
    assertTrue(events.stream().anyMatch(e -> e instanceof LessonEvent.ClockAdvanced));
    assertTrue(
        events.stream().anyMatch(e -> e instanceof LessonEvent.StepReset r && r.index() == 1));

    Progress.Lesson p = store.read().lesson(lesson.id());
    assertEquals(T, p.finished());
    assertEquals(new Progress.Step(StepStatus.PASSED, T, T, 2, 1), p.step("user-is-denied"));
    assertEquals(StepStatus.SKIPPED, p.step("allow-assume-role").status());
    assertEquals(9, p.count(StepStatus.PASSED));
  }
}
