package dev.iamkata.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.backend.EmbeddedBackend;
import dev.iamkata.lesson.AwsCall;
import dev.iamkata.lesson.CommandResult;
import dev.iamkata.lesson.CommandRunner;
import dev.iamkata.lesson.Workspace;
import dev.iamkata.lesson.load.LessonCatalog;
import dev.iamkata.shell.ScriptLines;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real grader on the embedded engine with a lesson of learner-ran checks, and a command runner
 * that pretends to be the aws CLI (so no aws executable is needed): {@code aws S C [--profile P]}
 * succeeds unless the profile is {@code dev-user}, which is denied.
 */
class LessonGraderTest {
  private static final Pattern AWS = Pattern.compile("aws (\\S+) (\\S+)(.*)");
  private static final Pattern PROFILE = Pattern.compile("--profile (\\S+)");
  private static LessonGrader grader;
  private static final List<String> ran = new ArrayList<>();

  /** Pretends to be the aws CLI. */
  static final class FakeAws implements CommandRunner {
    @Override
    public CommandResult run(String line, Workspace workspace) {
      ran.add(line);
      Matcher m = AWS.matcher(line.strip());
      if (!m.matches()) {
        return new CommandResult(line, 0, "", "", Duration.ZERO, List.of());
      }
      Matcher p = PROFILE.matcher(m.group(3));
      String profile = p.find() ? p.group(1) : null;
      boolean denied = "dev-user".equals(profile);
      AwsCall call =
          new AwsCall(
              m.group(1),
              m.group(2),
              "Op",
              profile,
              null,
              denied ? 254 : 0,
              denied ? "AccessDenied" : null);
      String err =
          denied ? "An error occurred (AccessDenied) when calling the Op operation: no\n" : "";
      return new CommandResult(
          line, call.exitCode(), denied ? "" : "{}\n", err, Duration.ZERO, List.of(call));
    }
  }

  @BeforeAll
  static void start() {
    grader =
        new LessonGrader(
            new LessonCatalog(Path.of("src/test/resources/grade/lessons")),
            EmbeddedBackend::start,
            new FakeAws(),
            Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    grader.close();
  }

  private static GradeReport grade(String script, String lang) throws Exception {
    ran.clear();
    return grader.grade(
        new GradeRequest("two-steps", "s.sh", "s", ScriptLines.split(script), lang));
  }

  @Test
  void theSolutionPassesEveryStepWithTheLineThatDidIt() throws Exception {
    GradeReport r =
        grade(
            "# answers\necho exploring\naws sts get-caller-identity\n\naws s3 ls --profile"
                + " dev-user\naws iam get-user --user-name u-{{account}}\n",
            "en");
    assertEquals(Status.PASS, r.status(), new TextWriter(false).render(r));
    assertEquals(0, r.exitCode());
    assertEquals(List.of(3, 5, 6), r.steps().stream().map(StepReport::passedAtLine).toList());
    assertEquals(List.of(2, 1, 1), r.steps().stream().map(StepReport::commands).toList());
    assertEquals("aws iam get-user --user-name u-123456789012", ran.get(ran.size() - 1));
    assertEquals("Two steps", r.lessonTitle());
    assertEquals("embedded", r.backend());
    assertEquals("learner-ran", r.steps().get(1).checks().get(0).kind());
    assertEquals(
        "aws s3 ls --profile dev-user → AccessDenied",
        r.steps().get(1).checks().get(0).description());
  }

  @Test
  void aScriptThatStopsEarlyFailsTheCurrentStepAndTheRestAreNotReached() throws Exception {
    GradeReport r = grade("aws sts get-caller-identity\naws s3 ls\n", "ja");
    assertEquals(1, r.exitCode());
    StepReport current = r.steps().get(1);
    assertTrue(current.reached());
    assertNull(current.passedAtLine());
    CheckReport check = current.checks().get(0);
    assertEquals(Status.FAIL, check.status());
    assertTrue(check.expected() != null && !check.expected().isBlank());
    StepReport later = r.steps().get(2);
    assertFalse(later.reached());
    assertEquals(Status.FAIL, later.status());
    assertTrue(later.checks().get(0).message().startsWith("未到達"));
    assertEquals("二つのステップ", r.lessonTitle());
  }

  @Test
  void aStepEnteredWithoutACommandIsStillEvaluated() throws Exception {
    GradeReport r = grade("aws sts get-caller-identity\n", "en");
    StepReport second = r.steps().get(1);
    assertTrue(second.reached());
    assertEquals(0, second.commands());
    assertEquals(Status.FAIL, second.checks().get(0).status());
    assertTrue(second.checks().get(0).actual() != null, "the runner's own actual text");
  }

  @Test
  void theLessonsExplanationIsTheMessage() throws Exception {
    GradeReport r = grade("aws s3 ls\n", "en");
    assertEquals("Ask STS who you are.", r.steps().get(0).checks().get(0).message());
  }

  @Test
  void anUnknownLessonIsBadInput() {
    GradeInputException e =
        assertThrows(
            GradeInputException.class,
            () -> grader.grade(new GradeRequest("nope", null, null, List.of(), "en")));
    assertTrue(e.getMessage().contains("no lesson \"nope\""), e.getMessage());
  }
}
