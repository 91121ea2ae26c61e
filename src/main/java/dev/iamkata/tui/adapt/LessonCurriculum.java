package dev.iamkata.tui.adapt;

import dev.iamkata.lesson.load.LessonCatalog;
import dev.iamkata.lesson.load.LessonLoader;
import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.model.Placeholders;
import dev.iamkata.lesson.progress.Progress;
import dev.iamkata.lesson.progress.ProgressStore;
import dev.iamkata.lesson.progress.StepStatus;
import dev.iamkata.tui.i18n.Language;
import dev.iamkata.tui.model.CatalogEntry;
import dev.iamkata.tui.model.Curriculum;
import dev.iamkata.tui.model.LessonSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The catalog from the lessons folder and the learner's progress file. Lessons that do not load are
 * left out of the catalog ({@code kata lint} names their problems). Opening a lesson gives a {@link
 * ReaderSession} over the lesson model.
 */
public final class LessonCurriculum implements Curriculum {
  /** Makes the session for an opened lesson. */
  @FunctionalInterface
  public interface Sessions {
    LessonSession open(Lesson lesson, Progress.Lesson progress, Language language) throws Exception;
  }

  private final LessonCatalog catalog;
  private final ProgressStore progress;
  private final Placeholders placeholders;
  private final String backendName;
  private final Sessions sessions;
  private final java.util.concurrent.FutureTask<List<LessonLoader.Result>> lessons;

  public LessonCurriculum(
      LessonCatalog catalog,
      ProgressStore progress,
      Placeholders placeholders,
      String backendName,
      Sessions sessions) {
    this.catalog = catalog;
    this.progress = progress;
    this.placeholders = placeholders;
    this.backendName = backendName;
    this.sessions = sessions;
    this.lessons = new java.util.concurrent.FutureTask<>(catalog::loadAll);
  }

  /**
   * Starts loading the lessons on a background thread, so they are parsed while the terminal is
   * being set up (a good part of the UI's startup time). Lessons are read once per process.
   */
  public LessonCurriculum prefetch() {
    Thread t = new Thread(lessons, "iam-kata-lessons");
    t.setDaemon(true);
    t.start();
    return this;
  }

  private List<LessonLoader.Result> loaded() throws IOException {
    lessons.run(); // no-op when the prefetch thread ran (or is running) it
    try {
      return lessons.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while loading lessons", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }

  /** Sessions that only read the lesson: no backend, no checks. */
  public static Sessions readers(Placeholders placeholders, Clock clock) {
    return (lesson, progress, language) ->
        new ReaderSession(lesson, progress, placeholders, language, clock);
  }

  @Override
  public List<CatalogEntry> catalog(Language language) {
    try {
      Progress p = progress.read();
      List<CatalogEntry> out = new ArrayList<>();
      for (LessonLoader.Result r : loaded()) {
        if (r.lesson() != null) {
          out.add(entry(r.lesson(), p.lesson(r.lesson().id()), language.code));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CatalogEntry entry(Lesson l, Progress.Lesson p, String lang) {
    int done = (int) (p.count(StepStatus.PASSED) + p.count(StepStatus.SKIPPED));
    return new CatalogEntry(
        l.id(),
        l.track(),
        l.level(),
        l.title().with(placeholders).in(lang),
        l.summary() == null ? "" : l.summary().with(placeholders).in(lang),
        l.minutes(),
        l.tags(),
        l.prerequisites(),
        l.steps().size(),
        Math.min(done, l.steps().size()));
  }

  @Override
  public LessonSession open(String lessonId, Language language) throws Exception {
    Lesson lesson = catalog.load(lessonId);
    return sessions.open(lesson, progress.read().lesson(lessonId), language);
  }

  @Override
  public void reset(String lessonId) throws IOException {
    progress.update(p -> p.with(lessonId, new Progress.Lesson(null, null, Map.of())));
  }

  @Override
  public String backendName() {
    return backendName;
  }
}
