package dev.iamkata.grade;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * {@code kata grade}: checks the options, grades one script (or a folder of them, see {@link
 * ClassGrading}), writes the report, and answers the exit code: 0 all checks passed, 1 some failed,
 * errored or timed out, 2 bad input (one line on stderr, never a stack trace).
 */
public final class GradeJob {
  /** The exit code for bad input. */
  public static final int BAD_INPUT = 2;

  private final Grader grader;
  private final PrintStream out;
  private final PrintStream err;
  private final Clock clock;

  public GradeJob(Grader grader, PrintStream out, PrintStream err, Clock clock) {
    this.grader = grader;
    this.out = out;
    this.err = err;
    this.clock = clock;
  }

  /** Runs the job; never throws for bad input. */
  public int run(GradeOptions o) throws InterruptedException {
    try {
      ReportFormat format = validate(o);
      if (o.all() != null) {
        return new ClassGrading(grader, clock, err).run(o, format);
      }
      return single(o, format);
    } catch (GradeInputException e) {
      err.println("kata grade: " + e.getMessage());
      return BAD_INPUT;
    }
  }

  private int single(GradeOptions o, ReportFormat format)
      throws GradeInputException, InterruptedException {
    GradeRequest request =
        new GradeRequest(
            o.lessonId(),
            o.script().toString(),
            Scripts.learner(o.script()),
            Scripts.read(o.script()),
            o.lang());
    GradeReport report = grader.grade(request);
    String text = format.writer(o.out() == null && o.color()).render(report);
    if (o.out() == null) {
      out.print(text);
      out.flush();
    } else {
      write(o.out(), text);
      Tally t = report.tally();
      err.println(
          report.lessonId()
              + ": "
              + GradeMessages.get(
                  o.lang(),
                  GradeMessages.Key.SUMMARY,
                  t.passed(),
                  t.failed(),
                  t.errors(),
                  t.timeouts(),
                  t.skipped())
              + " -> "
              + o.out());
    }
    return report.exitCode();
  }

  static void write(Path file, String text) throws GradeInputException {
    try {
      AtomicFiles.write(file, text);
    } catch (IOException e) {
      throw new GradeInputException("cannot write " + file + ": " + e.getMessage());
    }
  }

  /** Every check of the options that needs no lesson; the format on success. */
  static ReportFormat validate(GradeOptions o) throws GradeInputException {
    if (o.lessonId() == null || o.lessonId().isBlank()) {
      throw new GradeInputException("missing LESSON: kata grade LESSON --script FILE");
    }
    if ((o.script() == null) == (o.all() == null)) {
      throw new GradeInputException(
          o.script() == null
              ? "give the learner's script: --script FILE (or a folder of them: --all DIR)"
              : "--script and --all cannot be used together");
    }
    ReportFormat format =
        ReportFormat.byId(o.format())
            .orElseThrow(
                () ->
                    new GradeInputException(
                        "unknown format '" + o.format() + "': use " + ReportFormat.choices()));
    if (!GradeMessages.LANGS.contains(o.lang())) {
      throw new GradeInputException("unknown language '" + o.lang() + "': use en|ja");
    }
    if (o.all() != null && o.out() != null) {
      throw new GradeInputException("--out is for one script; with --all use --out-dir D");
    }
    if (o.all() == null && o.outDir() != null) {
      throw new GradeInputException("--out-dir goes with --all DIR; for one script use --out");
    }
    if (o.all() != null && !Files.isDirectory(o.all())) {
      throw new GradeInputException(
          "--all " + o.all() + (Files.exists(o.all()) ? " is not a directory" : " does not exist"));
    }
    if (o.out() != null) {
      Path dir = o.out().toAbsolutePath().getParent();
      if (Files.isDirectory(o.out())) {
        throw new GradeInputException("--out " + o.out() + " is a directory");
      }
      if (dir == null || !Files.isDirectory(dir)) {
        throw new GradeInputException("cannot write " + o.out() + ": no directory " + dir);
      }
    }
    if (o.script() != null && !Files.exists(o.script())) {
      throw new GradeInputException("script " + o.script() + " does not exist");
    }
    return format;
  }
}
