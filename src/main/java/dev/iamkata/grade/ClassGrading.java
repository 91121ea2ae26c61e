package dev.iamkata.grade;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code kata grade LESSON --all DIR}: every {@code *.sh} and {@code *.txt} file in {@code DIR}
 * (not its subfolders) is one learner's script, graded in file-name order; each learner's report
 * goes to the output folder ({@code --out-dir}, default {@code DIR/grades}) with {@code
 * summary.csv} and {@code summary.json} for the class.
 */
final class ClassGrading {
  private final Grader grader;
  private final Clock clock;
  private final PrintStream err;

  ClassGrading(Grader grader, Clock clock, PrintStream err) {
    this.grader = grader;
    this.clock = clock;
    this.err = err;
  }

  int run(GradeOptions o, ReportFormat format) throws GradeInputException, InterruptedException {
    List<Path> scripts = scripts(o.all());
    if (scripts.isEmpty()) {
      throw new GradeInputException("no *.sh or *.txt scripts in " + o.all());
    }
    Path outDir = o.outDir() != null ? o.outDir() : o.all().resolve("grades");
    try {
      Files.createDirectories(outDir);
    } catch (IOException e) {
      throw new GradeInputException("cannot create " + outDir + ": " + e.getMessage());
    }
    List<ClassSummary.Row> rows = new ArrayList<>();
    for (Path script : scripts) {
      rows.add(one(o, format, script, outDir));
    }
    ClassSummary summary = new ClassSummary(o.lessonId(), clock.instant(), rows);
    GradeJob.write(outDir.resolve("summary.csv"), summary.csv());
    GradeJob.write(outDir.resolve("summary.json"), summary.json());
    long passed = rows.stream().filter(ClassSummary.Row::passed).count();
    err.println(
        o.lessonId()
            + ": "
            + passed
            + "/"
            + rows.size()
            + " learners passed -> "
            + outDir.resolve("summary.csv"));
    return passed == rows.size() ? 0 : 1;
  }

  private ClassSummary.Row one(GradeOptions o, ReportFormat format, Path script, Path outDir)
      throws GradeInputException, InterruptedException {
    String learner = Scripts.learner(script);
    GradeRequest request;
    try {
      request =
          new GradeRequest(
              o.lessonId(),
              script.getFileName().toString(),
              learner,
              Scripts.read(script),
              o.lang());
    } catch (GradeInputException e) {
      // One unreadable script is that learner's problem, not the class's: the others still count.
      err.println("kata grade: " + e.getMessage());
      return new ClassSummary.Row(
          learner, Status.ERROR.id(), new Tally(0, 0, 0, 0, 0), 0, null, e.getMessage());
    }
    GradeReport report = grader.grade(request);
    String file = reportFile(learner, format);
    Path target = outDir.resolve(file);
    try {
      Files.createDirectories(target.getParent());
    } catch (IOException e) {
      throw new GradeInputException("cannot create " + target.getParent() + ": " + e.getMessage());
    }
    GradeJob.write(target, format.writer(false).render(report));
    return ClassSummary.Row.of(report, file);
  }

  /** Exercism's tooling looks for {@code results.json} in a folder, so each learner gets one. */
  static String reportFile(String learner, ReportFormat format) {
    return format == ReportFormat.EXERCISM
        ? learner + "/results.json"
        : learner + "." + format.extension();
  }

  private static List<Path> scripts(Path dir) throws GradeInputException {
    List<Path> scripts;
    try (Stream<Path> files = Files.list(dir)) {
      scripts =
          files
              .filter(Files::isRegularFile)
              .filter(
                  p -> {
                    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    return n.endsWith(".sh") || n.endsWith(".txt");
                  })
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new GradeInputException("cannot list " + dir + ": " + e.getMessage());
    }
    // Two scripts of one learner (a.sh and a.txt) would overwrite each other's report.
    java.util.Map<String, Path> seen = new java.util.HashMap<>();
    for (Path p : scripts) {
      Path other = seen.putIfAbsent(Scripts.learner(p), p);
      if (other != null) {
        throw new GradeInputException(
            "two scripts for learner '"
                + Scripts.learner(p)
                + "': "
                + other.getFileName()
                + " and "
                + p.getFileName());
      }
    }
    return scripts;
  }
}
