package dev.iamkata.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.backend.EmbeddedBackend;
import dev.iamkata.lesson.load.LessonLoader;
import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.run.LessonRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lesson driven through the shell in batch mode with the built-in aws on the embedded engine. */
@Tag("slow")
class LessonShellIT {
  @TempDir Path sandboxes;

  @Test
  void lessonCommandsAndQuietChecksInTheShell() throws Exception {
    Lesson lesson = LessonLoader.load(Path.of("lessons/assume-role-basics"));
    try (EmbeddedBackend backend = EmbeddedBackend.start();
        BuiltinAwsExecutor aws = new BuiltinAwsExecutor();
        ShellSession session =
            ShellSession.open(
                new ShellSession.Config(
                    backend.endpoint(),
                    backend.region(),
                    backend.accountId(),
                    null,
                    backend,
                    lesson.id(),
                    new AwsModes(List.of(aws), null),
                    "en"),
                Map.of());
        LessonRunner runner =
            new LessonRunner(
                lesson,
                backend,
                session.runner(),
                sandboxes.resolve(lesson.id()),
                null,
                Clock.systemUTC())) {
      session.attachLesson(runner);
      runner.start();
      String banner = session.banner();
      assertTrue(banner.contains("== step 1/10: dev-user cannot list buckets =="), banner);
      assertTrue(session.status().startsWith("assume-role-basics step 1/10 | profile default"));

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      BatchShell batch =
          new BatchShell(
              session,
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8));
      int rc =
          batch.run(
              "hint\n"
                  + "next\n"
                  + "aws s3 ls --profile dev-user\n"
                  + "echo \"status $?\"\n"
                  + "solution\n"
                  + "solution --yes\n"
                  + "reset step\n"
                  + "help\n");
      String o = out.toString(StandardCharsets.UTF_8);
      String e = err.toString(StandardCharsets.UTF_8);
      assertEquals(254, rc, "the last failing command is the denied aws s3 ls: " + o + e);
      assertTrue(o.startsWith("Use the S3 listing command of the aws CLI"), o);
      assertTrue(o.contains("[FAIL] "), o);
      assertTrue(o.contains("Not done yet."), o);
      assertTrue(e.contains("An error occurred (AccessDenied) when calling the ListBuckets"), e);
      assertTrue(
          o.contains("Step 1 passed.\n\n== step 2/10: Allow dev-user to ask for dev-role"), o);
      assertTrue(o.contains("status 254\n"), "$? is the learner's command's, not a check's: " + o);
      assertTrue(o.contains("The solution stays hidden."), o);
      assertTrue(o.contains("$ aws iam put-user-policy --user-name dev-user"), o);
      assertTrue(o.contains("Step 2 skipped (the solution ran).\n\n== step 3/10"), o);
      assertTrue(o.contains("Step 3 is back where it began."), o);
      assertTrue(o.contains("Lesson commands: hint, check, next, solution"), o);
      assertEquals(2, runner.currentIndex());
    }
  }
}
