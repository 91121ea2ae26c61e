package dev.iamkata.grade;

import dev.iamkata.backend.Backend;
import dev.iamkata.backend.BackendException;
import dev.iamkata.backend.EmbeddedBackend;
import dev.iamkata.lesson.CommandRunner;
import dev.iamkata.lesson.check.WorkspaceFiles;
import dev.iamkata.lesson.load.LessonCatalog;
import dev.iamkata.lesson.load.LessonLoadException;
import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.run.LessonException;
import dev.iamkata.lesson.run.LessonRunner;
import dev.iamkata.lesson.run.RealWait;
import dev.iamkata.shell.AwsModes;
import dev.iamkata.shell.ShellCommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The real {@link Grader}: loads the lesson from the catalog and plays the script through a {@link
 * LessonRunner} on a backend started on first use and reset for every script (the runner's {@code
 * start}), with the learner's home in a throw-away folder. One backend serves every script of a
 * {@code --all} run.
 */
public final class LessonGrader implements Grader {
  /** Starts a backend when grading first needs one. */
  @FunctionalInterface
  public interface BackendFactory {
    Backend start() throws BackendException;
  }

  private final LessonCatalog catalog;
  private final BackendFactory backends;
  private final CommandRunner commands;
  private final Clock clock;
  private RealWait realWait = RealWait.off();
  private String unavailable;
  private Backend backend;
  private Path sandboxes;
  private int graded;

  public LessonGrader(
      LessonCatalog catalog, BackendFactory backends, CommandRunner commands, Clock clock) {
    this.catalog = catalog;
    this.backends = backends;
    this.commands = commands;
    this.clock = clock;
  }

  /** Allows real waits ({@code --real-wait}); off unless set. */
  public LessonGrader realWait(RealWait wait) {
    this.realWait = wait;
    return this;
  }

  /**
   * The grader {@code kata grade} uses: the process's lesson catalog, the embedded engine, and the
   * shell's command runner with the aws this machine has (no remembered {@code aws-mode}: grading
   * must not depend on a user's settings).
   */
  public static LessonGrader standard(Clock clock) {
    return standard(clock, EmbeddedBackend::start);
  }

  /** {@link #standard(Clock)} on the backend {@code backends} starts ({@code --backend}). */
  public static LessonGrader standard(Clock clock, BackendFactory backends) {
    AwsModes modes = AwsModes.detect(null);
    LessonGrader grader =
        new LessonGrader(
            LessonCatalog.locate(System.getenv()), backends, new ShellCommandRunner(modes), clock);
    if (modes.current() == null) {
      grader.unavailable = "no aws to run the learner's commands with (install the aws CLI)";
    }
    return grader;
  }

  @Override
  public GradeReport grade(GradeRequest request) throws GradeInputException, InterruptedException {
    Lesson lesson;
    try {
      lesson = catalog.load(request.lessonId());
    } catch (LessonLoadException e) {
      throw new GradeInputException(
          e.problems().size() == 1
              ? e.getMessage()
              : e.problems().get(0) + " (and " + (e.problems().size() - 1) + " more problems)");
    }
    if (unavailable != null) {
      throw new GradeInputException(unavailable);
    }
    Path sandbox = sandbox();
    try (LessonRunner runner =
        new LessonRunner(lesson, backend(), commands, sandbox, null, clock).realWait(realWait)) {
      ScriptPlayer player = new ScriptPlayer(runner, request, clock, backend.name());
      runner.addListener(player);
      try {
        runner.start();
      } catch (LessonException e) {
        throw new GradeInputException(e.getMessage(), e);
      }
      return player.play();
    } finally {
      try {
        WorkspaceFiles.deleteTree(sandbox);
      } catch (IOException e) {
        // A leftover temporary folder does not change the grade.
      }
    }
  }

  private Backend backend() throws GradeInputException {
    if (backend == null) {
      try {
        backend = backends.start();
      } catch (BackendException e) {
        throw new GradeInputException("cannot start the backend: " + e.getMessage(), e);
      }
    }
    return backend;
  }

  private Path sandbox() throws GradeInputException {
    try {
      if (sandboxes == null) {
        sandboxes = Files.createTempDirectory("kata-grade-");
      }
      return sandboxes.resolve(Integer.toString(++graded));
    } catch (IOException e) {
      throw new GradeInputException("cannot create a sandbox: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (backend != null) {
      backend.close();
      backend = null;
    }
    if (sandboxes != null) {
      try {
        WorkspaceFiles.deleteTree(sandboxes);
      } catch (IOException e) {
        // Temporary files only.
      }
    }
  }
}
