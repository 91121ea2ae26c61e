package dev.iamkata.cli;

import dev.iamkata.backend.Backend;
import dev.iamkata.backend.BackendException;
import dev.iamkata.backend.BackendOptions;
import dev.iamkata.lesson.check.CheckResult;
import dev.iamkata.lesson.check.CheckStatus;
import dev.iamkata.lesson.check.WorkspaceFiles;
import dev.iamkata.lesson.load.LessonCatalog;
import dev.iamkata.lesson.load.LessonLoadException;
import dev.iamkata.lesson.load.LessonLoader;
import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.run.LessonVerifier;
import dev.iamkata.lesson.run.RealWait;
import dev.iamkata.shell.AwsModes;
import dev.iamkata.shell.ShellCommandRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kata verify [LESSON...]}: red-green verification of lessons on a fresh embedded backend;
 * prints a per-lesson, per-step table; exit 0 only when every lesson verifies.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify lessons red-green: each step's checks must fail before its solution and pass after.",
      "LESSON is a lesson id or folder (default: every lesson). On a backend that cannot verify",
      "a check (see 'kata backend probe') the check is SKIPPED with the reason."
    })
final class VerifyCommand implements Callable<Integer> {
  @Parameters(paramLabel = "LESSON", arity = "0..*", description = "Lessons to verify.")
  List<String> lessons = new ArrayList<>();

  @Mixin BackendOptions backend = new BackendOptions();

  @Option(
      names = "--real-wait",
      description =
          "On a backend that honours expiry but whose clock cannot be moved, ask for 15-minute"
              + " sessions and wait them out in real time (else expiry checks are SKIPPED).")
  boolean realWait;

  @Override
  public Integer call() throws IOException, InterruptedException {
    List<Lesson> loaded = new ArrayList<>();
    if (!load(loaded)) {
      return 1;
    }
    AwsModes modes = AwsModes.detect(null);
    if (modes.current() == null) {
      System.err.println("kata verify: no aws to run lesson commands with (install the aws CLI)");
      return 1;
    }
    Path sandboxes = Files.createTempDirectory("iam-kata-verify-");
    boolean all = true;
    try (Backend engine = backend.open()) {
      LessonVerifier verifier =
          new LessonVerifier(engine, new ShellCommandRunner(modes), sandboxes, Clock.systemUTC())
              .realWait(
                  realWait ? RealWait.real(System.err, System.console() != null) : RealWait.off());
      for (Lesson lesson : loaded) {
        LessonVerifier.LessonVerdict v = verifier.verify(lesson);
        print(v, System.out);
        all &= v.ok();
      }
    } catch (BackendException e) {
      System.err.println("kata verify: " + e.getMessage());
      return 1;
    } finally {
      WorkspaceFiles.deleteTree(sandboxes);
    }
    System.out.println(all ? "all lessons verify" : "some lessons do not verify");
    return all ? 0 : 1;
  }

  private boolean load(List<Lesson> loaded) throws IOException {
    LessonCatalog catalog = LessonCatalog.locate(System.getenv());
    boolean ok = true;
    if (lessons.isEmpty()) {
      for (LessonLoader.Result r : catalog.loadAll()) {
        r.problems().forEach(System.err::println);
        ok &= r.ok();
        if (r.ok()) {
          loaded.add(r.lesson());
        }
      }
      return ok;
    }
    for (String id : lessons) {
      try {
        loaded.add(catalog.load(id));
      } catch (LessonLoadException e) {
        e.problems().forEach(System.err::println);
        ok = false;
      }
    }
    return ok;
  }

  static void print(LessonVerifier.LessonVerdict v, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%s  %s  (%d steps, %.1f s)%n",
        v.ok() ? "OK  " : "FAIL",
        v.lesson().id(),
        v.lesson().steps().size(),
        v.took().toMillis() / 1000.0);
    if (v.error() != null) {
      out.println("      " + v.error());
    }
    int n = 1;
    for (LessonVerifier.StepVerdict s : v.steps()) {
      out.printf(
          Locale.ROOT,
          "  %2d  %-32s %-6s %s%n",
          n++,
          s.step().id(),
          red(s),
          s.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      List<CheckResult> shown =
          s.outcome() == LessonVerifier.Outcome.NOT_RED ? s.before() : s.after();
      if (s.outcome() == LessonVerifier.Outcome.OK
          || s.outcome() == LessonVerifier.Outcome.SKIPPED) {
        for (CheckResult r : s.after()) {
          if (r.status() == CheckStatus.SKIPPED) {
            out.printf(
                "        SKIPPED %s%n                %s%n", r.check().describe(), r.actual().en());
          }
        }
      } else if (s.outcome() != LessonVerifier.Outcome.NOT_REACHED) {
        for (CheckResult r : shown) {
          out.printf(
              "        %-7s %s%n                expected: %s%n                actual:   %s%n",
              r.status(),
              r.check().describe(),
              r.expected() == null ? "-" : r.expected().en(),
              r.actual() == null ? "-" : r.actual().en());
        }
      }
    }
  }

  private static String red(LessonVerifier.StepVerdict s) {
    return s.outcome() == LessonVerifier.Outcome.NOT_REACHED
            || s.outcome() == LessonVerifier.Outcome.SKIPPED
        ? ""
        : s.step().failFirst() ? "red" : "(read)";
  }
}
