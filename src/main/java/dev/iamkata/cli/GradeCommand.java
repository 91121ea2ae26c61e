package dev.iamkata.cli;

import dev.iamkata.backend.BackendOptions;
import dev.iamkata.grade.GradeJob;
import dev.iamkata.grade.GradeOptions;
import dev.iamkata.grade.Grader;
import dev.iamkata.grade.LessonGrader;
import dev.iamkata.lesson.run.RealWait;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kata grade LESSON --script FILE | --all DIR}: grades learners' scripts into reports. The
 * work is {@link GradeJob}'s; this only reads the options.
 */
@Command(
    name = "grade",
    mixinStandardHelpOptions = true,
    description = {
      "Run a learner's script against a lesson on a fresh backend (embedded unless --backend says)"
          + " and report every check.",
      "Exit 0 when all checks pass, 1 when any fails, errors or times out, 2 for bad input."
    })
final class GradeCommand implements Callable<Integer> {
  @Parameters(paramLabel = "LESSON", arity = "0..1", description = "The lesson id.")
  String lesson;

  @Option(names = "--script", paramLabel = "FILE", description = "The learner's script.")
  Path script;

  @Option(
      names = "--all",
      paramLabel = "DIR",
      description = "Grade every *.sh and *.txt script in DIR into a class summary.")
  Path all;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "junit, json, tap, exercism or text (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report here.")
  Path out;

  @Option(
      names = "--out-dir",
      paramLabel = "D",
      description = "With --all: where reports and summaries go (default: DIR/grades).")
  Path outDir;

  @Option(
      names = "--lang",
      paramLabel = "LANG",
      defaultValue = "en",
      description = "en or ja: the language of the report (default: ${DEFAULT-VALUE}).")
  String lang;

  @Mixin BackendOptions backendOptions;

  @Option(
      names = "--real-wait",
      description =
          "On a backend that honours expiry but whose clock cannot be moved, ask for 15-minute"
              + " sessions and wait them out in real time (else expiry checks are skipped).")
  boolean realWait;

  @Override
  public Integer call() throws InterruptedException {
    boolean color = System.console() != null && System.getenv("NO_COLOR") == null;
    GradeOptions options = new GradeOptions(lesson, script, all, format, out, outDir, lang, color);
    Clock clock = Clock.systemUTC();
    // Reports and Japanese messages are UTF-8 whatever the platform's default encoding is.
    PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream stderr = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    try (Grader grader =
        LessonGrader.standard(clock, backendOptions::open)
            .realWait(
                realWait ? RealWait.real(stderr, System.console() != null) : RealWait.off())) {
      return new GradeJob(grader, stdout, stderr, clock).run(options);
    }
  }
}
