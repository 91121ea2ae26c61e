package dev.iamkata.tui.adapt;

import dev.iamkata.backend.Backend;
import dev.iamkata.backend.BackendException;
import dev.iamkata.lesson.CommandRunner;
import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.progress.Progress;
import dev.iamkata.lesson.progress.ProgressStore;
import dev.iamkata.lesson.run.LessonException;
import dev.iamkata.lesson.run.LessonRunner;
import dev.iamkata.lesson.run.RealWait;
import dev.iamkata.shell.AwsModes;
import dev.iamkata.shell.LineGate;
import dev.iamkata.shell.Settings;
import dev.iamkata.shell.ShellCommandRunner;
import dev.iamkata.tui.i18n.Language;
import dev.iamkata.tui.i18n.Messages;
import dev.iamkata.tui.model.LessonSession;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Lesson sessions on the embedded engine, started the first time a lesson opens (so the catalog
 * appears without waiting for it). One lesson at a time: the runner resets the backend when a
 * lesson starts, so opening another lesson ends the previous one, while going back to the same
 * lesson resumes it with its shell state.
 */
public final class LiveSessions implements LessonCurriculum.Sessions, AutoCloseable {
  private final Path kataHome;
  private final ProgressStore progress;
  private final Clock clock;
  private Backend backend;
  private CommandRunner commands;
  private RunnerSession last;
  private Language lastLanguage;

  /** Opens the backend lessons run on (embedded, or what {@code --backend} chose). */
  @FunctionalInterface
  public interface Opener {
    Backend open() throws BackendException;
  }

  /**
   * What else each lesson runner gets: a workshop reports the runner's events to its server, puts
   * the instructor's gate in front of the learner's lines and resumes a rejoining learner's step.
   */
  public interface Attach {
    /** Nothing: lessons run as they do locally. */
    Attach NONE = new Attach() {};

    /** Called once per runner before it starts; returns the gate in front of its learner lines. */
    default LineGate gate(LessonRunner runner) {
      return LineGate.OPEN;
    }

    /**
     * Starts telling the learner, through {@code say}, of what arrives while they are idle (a
     * workshop's instructor actions); the returned handle stops it.
     */
    default AutoCloseable announce(Consumer<String> say) {
      return () -> {};
    }

    /** Starts the lesson. */
    default void start(LessonRunner runner) throws LessonException, InterruptedException {
      runner.start();
    }
  }

  private final Opener opener;
  private final Attach attach;

  public LiveSessions(Path kataHome, ProgressStore progress, Clock clock, Opener opener) {
    this(kataHome, progress, clock, opener, Attach.NONE);
  }

  public LiveSessions(
      Path kataHome, ProgressStore progress, Clock clock, Opener opener, Attach attach) {
    this.kataHome = kataHome;
    this.progress = progress;
    this.clock = clock;
    this.opener = opener;
    this.attach = attach;
  }

  @Override
  public LessonSession open(Lesson lesson, Progress.Lesson stored, Language language)
      throws Exception {
    if (last != null && last.lessonId().equals(lesson.id()) && language == lastLanguage) {
      return last;
    }
    if (backend == null) {
      backend = opener.open();
      commands = new ShellCommandRunner(AwsModes.detect(Settings.in(kataHome)), Map.of());
    }
    if (last != null) {
      last.runner().close();
    }
    LessonRunner runner =
        new LessonRunner(
            lesson,
            backend,
            commands,
            LessonRunner.sandboxFor(kataHome, lesson.id()),
            progress,
            clock);
    // the learner types `wait` in the UI's shell, on the terminal: where the clock cannot jump,
    // it waits for real, as `kata shell` does
    runner.realWait(RealWait.real(System.err, true));
    RunnerSession session =
        new RunnerSession(runner, backend, progress, Messages.of(language), attach.gate(runner));
    attach.start(runner);
    last = session;
    lastLanguage = language;
    return session;
  }

  @Override
  public void close() {
    if (last != null) {
      last.runner().close();
    }
    if (backend != null) {
      backend.close();
    }
  }
}
