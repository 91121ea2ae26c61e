package dev.iamkata.tui.model;

import dev.iamkata.tui.i18n.Language;
import java.util.List;

/** The catalog port: the lessons there are and the learner's progress in them. */
public interface Curriculum {

  /** Every lesson, in catalog order, texts in {@code language}. */
  List<CatalogEntry> catalog(Language language);

  /** Starts (or resumes) a lesson. */
  LessonSession open(String lessonId, Language language) throws Exception;

  /** Forgets the learner's progress in a lesson. */
  void reset(String lessonId) throws Exception;

  /** The backend lessons run on, e.g. "embedded". */
  String backendName();
}
