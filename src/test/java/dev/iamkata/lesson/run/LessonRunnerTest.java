package dev.iamkata.lesson.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.backend.Backend;
import dev.iamkata.backend.BackendException;
import dev.iamkata.backend.Capabilities;
import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.lesson.AwsCall;
import dev.iamkata.lesson.CommandResult;
import dev.iamkata.lesson.CommandRunner;
import dev.iamkata.lesson.load.LessonLoader;
import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.progress.Progress;
import dev.iamkata.lesson.progress.ProgressStore;
import dev.iamkata.lesson.progress.StepStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's state machine with a fake shell and a fake backend (no engine, no aws CLI). */
class LessonRunnerTest {
  static final Instant T = Instant.parse("2026-05-06T07:08:09Z");
  @TempDir Path kataHome;

  /** Snapshots are the clock offset; the state is a counter of restores. */
  static class FakeBackend implements Backend {
    Duration clock = Duration.ZERO;
    int resets;
    final List<String> restored = new ArrayList<>();

    @Override
    public String name() {
      return "fake";
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
      return "111122223333";
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
      return Capabilities.all(Set.of("iam", "s3"));
    }

    @Override
    public void reset() {
      resets++;
      clock = Duration.ZERO;
    }

    @Override
    public String snapshot() {
      return "clock=" + clock;
    }

    @Override
    public void restore(String snapshot) {
      restored.add(snapshot);
    }

    @Override
    public Instant clockTime() {
      return T.plus(clock);
    }

    @Override
    public void advanceClock(Duration by) throws BackendException {
      clock = clock.plus(by);
    }

    @Override
    public void close() {}
  }

  /** Understands the few lines the test lesson uses. */
  static final class FakeShell implements CommandRunner {
    final FakeBackend backend;
    final List<String> adminLines = new ArrayList<>();

    FakeShell(FakeBackend backend) {
      this.backend = backend;
    }

    @Override
    public CommandResult run(String line, dev.iamkata.lesson.Workspace ws) {
      try {
        if (line.startsWith("aws iam")) {
          adminLines.add(
              line + " @ " + Files.readString(ws.awsCredentialsFile()).contains("AKIAADMIN"));
          return new CommandResult(
              line,
              0,
              "",
              "",
              Duration.ZERO,
              List.of(new AwsCall("iam", "create-user", "CreateUser", null, null, 0, null)));
        }
        if (line.equals("echo hi > out.txt")) {
          Files.writeString(ws.home().resolve("out.txt"), "hi\n");
          return new CommandResult(line, 0, "", "", Duration.ZERO, List.of());
        }
        boolean expired = backend.clock.compareTo(Duration.ofHours(1)) >= 0;
        String profile = line.contains("--profile s") ? "s" : null;
        return expired
            ? new CommandResult(
                line,
                255,
                "",
                "An error occurred (ExpiredToken)",
                Duration.ZERO,
                List.of(new AwsCall("s3", "ls", "ListBuckets", profile, null, 255, "ExpiredToken")))
            : new CommandResult(
                line,
                0,
                "b1\n",
                "",
                Duration.ZERO,
                List.of(new AwsCall("s3", "ls", "ListBuckets", profile, null, 0, null)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  final FakeBackend backend = new FakeBackend();
  final FakeShell shell = new FakeShell(backend);
  final List<LessonEvent> events = new ArrayList<>();

  LessonRunner runner(Lesson lesson) {
    LessonRunner r =
        new LessonRunner(
            lesson,
            backend,
            shell,
            LessonRunner.sandboxFor(kataHome, lesson.id()),
            ProgressStore.at(kataHome),
            Clock.fixed(T, ZoneOffset.UTC));
    r.addListener(events::add);
    return r;
  }

  static Lesson lesson() throws Exception {
    return LessonLoader.load(Path.of("src/test/resources/dev/iamkata/lesson/runner/two-steps"));
  }

  @Test
  void setupRunsAsTheAdminAndFillsInPlaceholders() throws Exception {
    LessonRunner r = runner(lesson());
    r.start();
    assertEquals(1, backend.resets);
    assertEquals(List.of("aws iam create-user --user-name u @ true"), shell.adminLines);
    assertEquals(
        "account 111122223333", Files.readString(r.workspace().home().resolve("notes.txt")));
    assertFalse(
        Files.exists(r.workspace().awsCredentialsFile()),
        "the admin key stays out of the learner's home");
    Path adminCopy = kataHome.resolve("sandboxes/two-steps/admin/files/blob.bin");
    assertEquals(
        List.of((byte) 0xff, (byte) 0xfe, (byte) '{'), toList(Files.readAllBytes(adminCopy)));
  }

  static List<Byte> toList(byte[] bytes) {
    List<Byte> out = new ArrayList<>();
    for (byte b : bytes) {
      out.add(b);
    }
    return out;
  }

  @Test
  void advancesWhenChecksPassAndRechecksAtTheEnd() throws Exception {
    LessonRunner r = runner(lesson());
    r.start();
    assertEquals("echo", r.hint().en());
    assertFalse(r.submit("echo nothing").stream().allMatch(c -> c.passed()));
    assertEquals(0, r.currentIndex());
    r.submit("echo hi > out.txt");
    assertEquals(1, r.currentIndex());
    assertEquals(0, r.run("aws s3 ls --profile s").exitCode());
    assertFalse(r.check().get(0).passed());
    r.submit("wait 1h");
    r.submit("aws s3 ls --profile s");
    assertTrue(r.finished());
    assertNull(r.currentStep());
    assertEquals(List.of(), r.submit("anything"));
    LessonEvent.LessonFinished done = (LessonEvent.LessonFinished) events.get(events.size() - 1);
    assertTrue(done.allPassed());
    List<Class<?>> kinds = events.stream().map(Object::getClass).<Class<?>>map(c -> c).toList();
    assertEquals(LessonEvent.LessonStarted.class, kinds.get(0));
    assertEquals(LessonEvent.StepStarted.class, kinds.get(1));
    assertEquals(LessonEvent.HintRevealed.class, kinds.get(2));
    assertEquals(LessonEvent.CommandRan.class, kinds.get(3));
    assertEquals(LessonEvent.ChecksEvaluated.class, kinds.get(4));
    Progress.Lesson p = ProgressStore.at(kataHome).read().lesson("two-steps");
    assertEquals(new Progress.Step(StepStatus.PASSED, T, T, 2, 1), p.step("write"));
    assertEquals(3, p.step("expire").attempts());
    assertEquals(T, p.finished());
  }

  @Test
  void resetStepRestoresTheSnapshotAndTheHome() throws Exception {
    LessonRunner r = runner(lesson());
    r.start();
    r.submit("echo hi > out.txt");
    Files.writeString(r.workspace().home().resolve("stray.txt"), "x");
    r.workspace().export("AWS_PROFILE", "s");
    r.submit("wait 1h");
    r.resetStep();
    assertEquals(List.of("clock=PT0S"), backend.restored);
    assertFalse(Files.exists(r.workspace().home().resolve("stray.txt")));
    assertTrue(Files.exists(r.workspace().home().resolve("out.txt")));
    assertNull(r.workspace().variable("AWS_PROFILE"));
    assertTrue(events.contains(new LessonEvent.StepReset(1)));
  }

  @Test
  void theClockMovesOnlyInAStepWithAClock() throws Exception {
    LessonRunner r = runner(lesson());
    r.start();
    assertThrows(LessonException.class, () -> r.waitClock(Duration.ofHours(1)));
    CommandResult refused = r.run("wait 1h");
    assertEquals(1, refused.exitCode());
    assertTrue(refused.stderr().contains("no clock"), refused.stderr());
    assertEquals(2, r.run("wait soon").exitCode());
    assertEquals(Duration.ZERO, backend.clock);
  }

  @Test
  void skipRunsTheSolutionAndRecordsSkippedOnlyWhenAllowed() throws Exception {
    LessonRunner r = runner(lesson());
    r.start();
    r.skip();
    assertEquals(StepStatus.SKIPPED, r.status(0));
    assertEquals(
        StepStatus.SKIPPED,
        ProgressStore.at(kataHome).read().lesson("two-steps").step("write").status());
    Lesson l = lesson();
    Lesson strict =
        new Lesson(
            l.id(),
            l.order(),
            l.track(),
            l.level(),
            l.title(),
            l.summary(),
            l.tags(),
            l.minutes(),
            l.prerequisites(),
            false,
            l.sourceArticle(),
            l.setup(),
            l.steps(),
            l.folder());
    LessonRunner s = runner(strict);
    s.start();
    assertThrows(LessonException.class, s::skip);
    assertEquals(0, s.currentIndex());
  }

  @Test
  void jumpToGoesForwardBySolutionsEvenWhenSkippingIsNotAllowedAndBackByStartingAgain()
      throws Exception {
    Lesson l = lesson();
    LessonRunner r =
        runner(
            new Lesson(
                l.id(),
                l.order(),
                l.track(),
                l.level(),
                l.title(),
                l.summary(),
                l.tags(),
                l.minutes(),
                l.prerequisites(),
                false,
                l.sourceArticle(),
                l.setup(),
                l.steps(),
                l.folder()));
    r.start();
    r.jumpTo(1);
    assertEquals(1, r.currentIndex());
    assertEquals(StepStatus.SKIPPED, r.status(0));
    assertTrue(Files.exists(r.workspace().home().resolve("out.txt")), "step 1's solution ran");
    assertEquals(1, backend.resets);
    r.jumpTo(0);
    assertEquals(0, r.currentIndex());
    assertEquals(2, backend.resets, "back means starting the lesson again");
    assertFalse(Files.exists(r.workspace().home().resolve("out.txt")));
    assertThrows(LessonException.class, () -> r.jumpTo(2));
  }
}
