import dev.iamkata.grade.GradeReport;
import dev.iamkata.grade.GradeRequest;
import dev.iamkata.grade.LessonGrader;
import dev.iamkata.lesson.load.LessonCatalog;
import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.model.Step;
import dev.iamkata.shell.AwsModes;
import dev.iamkata.shell.ScriptLines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Grading benchmark, run by bench/grade-bench: grades the lesson's own solutions (a passing
 * learner's script) with `kata grade` as a new process each time (JVM start included) and
 * in-process with one warm grader (one backend, reset per script, as `--all` does). Prints a
 * table; asserts nothing.
 */
public final class GradeBench {
  public static void main(String[] args) throws Exception {
    String jar = args.length > 0 ? args[0] : "target/iam-kata.jar";
    String lessonId = System.getProperty("lesson", "assume-role-basics");
    int processRuns = Integer.getInteger("processRuns", 3);
    int inProcessRuns = Integer.getInteger("runs", 5);

    Lesson lesson = new LessonCatalog(Path.of("lessons")).load(lessonId);
    List<String> lines = new ArrayList<>();
    for (Step step : lesson.steps()) {
      lines.addAll(step.solution());
    }
    Path script = Files.createTempFile("grade-bench-", ".sh");
    Files.writeString(script, String.join("\n", lines) + "\n");
    var aws = AwsModes.detect(null).current();
    System.out.printf(
        "lesson %s: %d steps, %d script lines; aws: %s%n%n",
        lessonId, lesson.steps().size(), lines.size(), aws == null ? "none" : aws.name());

    long[] process = new long[processRuns];
    for (int i = 0; i < processRuns; i++) {
      long t0 = System.nanoTime();
      Process p =
          new ProcessBuilder(
                  "java", "-jar", jar, "grade", lessonId, "--script", script.toString(),
                  "--format", "json", "--out", script + ".json")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      int code = p.waitFor();
      process[i] = (System.nanoTime() - t0) / 1_000_000;
      if (code != 0) {
        throw new IllegalStateException("kata grade exited " + code + ": the solutions must pass");
      }
    }

    long[] inProcess = new long[inProcessRuns];
    try (LessonGrader grader = LessonGrader.standard(Clock.systemUTC())) {
      GradeRequest request =
          new GradeRequest(
              lessonId, script.toString(), "bench", ScriptLines.split(Files.readString(script)), "en");
      grader.grade(request); // warm-up: starts the backend, loads classes
      for (int i = 0; i < inProcessRuns; i++) {
        long t0 = System.nanoTime();
        GradeReport r = grader.grade(request);
        inProcess[i] = (System.nanoTime() - t0) / 1_000_000;
        if (r.exitCode() != 0) {
          throw new IllegalStateException("in-process grading failed: the solutions must pass");
        }
      }
    }
    Files.deleteIfExists(Path.of(script + ".json"));
    Files.deleteIfExists(script);

    // On a shared machine the numbers mean little without the load they were taken under.
    System.out.printf(
        "load average (1, 5, 15 min) at the end: %s on %d cores%n%n",
        loadAverage(), Runtime.getRuntime().availableProcessors());
    System.out.println("| what | runs | median ms | min ms | max ms | target |");
    System.out.println("|---|---:|---:|---:|---:|---|");
    row("`kata grade` process, JVM start included", process, "< 2,000 ms");
    row("in-process grading, warm backend", inProcess, "");
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + ", " + f[1] + ", " + f[2];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static void row(String what, long[] ms, String target) {
    long[] s = ms.clone();
    Arrays.sort(s);
    System.out.printf(
        "| %s | %d | %,d | %,d | %,d | %s |%n",
        what, s.length, s[s.length / 2], s[0], s[s.length - 1], target);
  }
}
