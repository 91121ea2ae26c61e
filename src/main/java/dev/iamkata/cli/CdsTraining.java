package dev.iamkata.cli;

import dev.iamkata.lesson.load.LessonCatalog;
import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.model.Step;
import dev.iamkata.tui.Tui;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The launcher's class-data-sharing training run ({@code kata --cds-training}, once per build): it
 * draws the UI's first screens headless, then grades the first lesson's own solutions in-process on
 * an embedded engine, so the archive holds the classes of the UI, the engine, the lesson runner,
 * the shell and the built-in aws. Short commands ({@code kata grade}, {@code kata shell --batch},
 * {@code kata aws}) then start from the archive instead of loading and verifying thousands of
 * classes. Nothing is written outside a temporary folder, which is removed.
 */
final class CdsTraining {
  private static final String LESSON = "assume-role-basics";

  private CdsTraining() {}

  static int run(Map<String, String> env) {
    int ui = Tui.train(env);
    Path dir = null;
    PrintStream out = System.out;
    PrintStream err = System.err;
    try {
      dir = Files.createTempDirectory("kata-cds-grade-");
      Lesson lesson = LessonCatalog.locate(env).load(LESSON);
      List<String> lines = new ArrayList<>();
      for (Step step : lesson.steps()) {
        lines.addAll(step.solution());
      }
      Path script = Files.writeString(dir.resolve("script.sh"), String.join("\n", lines) + "\n");
      PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true);
      System.setOut(quiet);
      System.setErr(quiet);
      // the grade's own result does not matter: whatever it loaded is in the archive
      Main.commandLine()
          .execute(
              "grade",
              LESSON,
              "--script",
              script.toString(),
              "--format",
              "json",
              "--out",
              dir.resolve("report.json").toString());
      return ui;
    } catch (Exception e) {
      // a training run that cannot grade still leaves the UI's classes in the archive
      return ui;
    } finally {
      System.setOut(out);
      System.setErr(err);
      removeQuietly(dir);
    }
  }

  private static void removeQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (Exception e) {
      // a temporary folder left behind is harmless
    }
  }
}
