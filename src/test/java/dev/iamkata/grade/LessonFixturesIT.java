package dev.iamkata.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamkata.backend.EmbeddedBackend;
import dev.iamkata.lesson.load.LessonCatalog;
import dev.iamkata.shell.AwsModes;
import dev.iamkata.shell.ScriptLines;
import dev.iamkata.shell.ShellCommandRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Every lesson's grading fixtures ({@code lessons/ID/tests/*.sh} with {@code expected.json}) graded
 * by the real grader on the embedded engine with the shell and the aws this machine has: the
 * passing script must pass every check of every step, the failing one must exit 1 with a problem in
 * the step {@code expected.json} names. {@code -Dkata.fixtures=ID,ID} limits the lessons.
 */
@Tag("slow")
class LessonFixturesIT {
  private static final Path LESSONS = Path.of("lessons");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static LessonGrader grader;
  private static AwsModes modes;

  @BeforeAll
  static void start() {
    modes = AwsModes.detect(null);
    grader =
        new LessonGrader(
            new LessonCatalog(LESSONS),
            EmbeddedBackend::start,
            new ShellCommandRunner(modes),
            Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    grader.close();
  }

  @TestFactory
  List<DynamicTest> fixturesGradeAsExpected() throws IOException {
    String only = System.getProperty("kata.fixtures", "");
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(LESSONS)) {
      for (Path dir : dirs.sorted().toList()) {
        Path expected = dir.resolve("tests/expected.json");
        String id = dir.getFileName().toString();
        if (!Files.isRegularFile(expected)
            || (!only.isEmpty() && !List.of(only.split(",")).contains(id))) {
          continue;
        }
        JsonNode want = JSON.readTree(expected.toFile());
        want.fieldNames()
            .forEachRemaining(
                script ->
                    tests.add(
                        DynamicTest.dynamicTest(
                            id + " " + script,
                            () ->
                                grade(
                                    id, dir.resolve("tests").resolve(script), want.get(script)))));
      }
    }
    assertFalse(tests.isEmpty(), "no lesson has grading fixtures under " + LESSONS);
    return tests;
  }

  private static void grade(String lesson, Path script, JsonNode want) throws Exception {
    assumeTrue(modes.current() != null, "no aws CLI on PATH to run the learner's commands with");
    String text = Files.readString(script, StandardCharsets.UTF_8);
    GradeReport report =
        grader.grade(
            new GradeRequest(lesson, script.toString(), null, ScriptLines.split(text), "en"));
    assertEquals(want.get("exit").asInt(), report.exitCode(), () -> describe(report));
    if (want.has("failing-step")) {
      String step = want.get("failing-step").asText();
      StepReport failing =
          report.steps().stream().filter(s -> s.id().equals(step)).findFirst().orElseThrow();
      assertTrue(
          failing.checks().stream().anyMatch(c -> c.status().isProblem()),
          () -> step + " should fail: " + describe(report));
      report.steps().stream()
          .filter(s -> s.index() < failing.index())
          .forEach(
              s ->
                  assertTrue(
                      s.checks().stream().noneMatch(c -> c.status().isProblem()),
                      () -> s.id() + " should pass: " + describe(report)));
    }
  }

  private static String describe(GradeReport report) {
    StringBuilder out = new StringBuilder();
    for (StepReport s : report.steps()) {
      out.append('\n').append(s.id()).append(':');
      s.checks().forEach(c -> out.append(' ').append(c.status()));
    }
    return out.toString();
  }
}
