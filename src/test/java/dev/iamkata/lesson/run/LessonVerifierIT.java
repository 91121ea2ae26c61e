package dev.iamkata.lesson.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iamkata.backend.EmbeddedBackend;
import dev.iamkata.lesson.load.LessonLoader;
import dev.iamkata.shell.AwsModes;
import dev.iamkata.shell.ShellCommandRunner;
import dev.iamkata.shell.SystemAws;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier catches a lesson whose check cannot fail and one whose solution does not solve. */
class LessonVerifierIT {
  static final Path FIXTURES = Path.of("src/test/resources/dev/iamkata/lesson/verify");
  static EmbeddedBackend backend;
  @TempDir Path sandboxes;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(SystemAws.onPath() != null, "no aws CLI on PATH: lesson commands cannot run");
    backend = EmbeddedBackend.start();
  }

  @AfterAll
  static void stop() {
    if (backend != null) {
      backend.close();
    }
  }

  LessonVerifier verifier() {
    return new LessonVerifier(
        backend, new ShellCommandRunner(AwsModes.detect(null)), sandboxes, Clock.systemUTC());
  }

  @Test
  void aCheckThatAlreadyPassesIsNotRed() throws Exception {
    LessonVerifier.LessonVerdict v =
        verifier().verify(LessonLoader.load(FIXTURES.resolve("not-red")));
    assertFalse(v.ok());
    assertEquals(LessonVerifier.Outcome.NOT_RED, v.steps().get(0).outcome());
  }

  @Test
  void aSolutionThatDoesNotSolveIsNotGreen() throws Exception {
    LessonVerifier.LessonVerdict v =
        verifier().verify(LessonLoader.load(FIXTURES.resolve("not-green")));
    assertFalse(v.ok());
    assertEquals(LessonVerifier.Outcome.NOT_GREEN, v.steps().get(0).outcome());
    assertEquals("it succeeded", v.steps().get(0).after().get(0).actual().en());
  }
}
