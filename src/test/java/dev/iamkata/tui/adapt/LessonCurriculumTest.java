package dev.iamkata.tui.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.lesson.load.LessonCatalog;
import dev.iamkata.lesson.model.Placeholders;
import dev.iamkata.lesson.progress.Progress;
import dev.iamkata.lesson.progress.ProgressStore;
import dev.iamkata.lesson.progress.StepStatus;
import dev.iamkata.tui.i18n.Language;
import dev.iamkata.tui.model.CatalogEntry;
import dev.iamkata.tui.model.LessonSession;
import dev.iamkata.tui.model.StepState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog port over the repository's real lessons and a progress file. */
class LessonCurriculumTest {
  @TempDir Path home;

  private static final Placeholders P =
      Placeholders.of("123456789012", "210987654321", "us-east-1");

  private LessonCurriculum curriculum(ProgressStore store) {
    return new LessonCurriculum(
            new LessonCatalog(Path.of("lessons")),
            store,
            P,
            "embedded",
            LessonCurriculum.readers(P, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)))
        .prefetch();
  }

  @Test
  void catalogRowsComeFromTheLessonsInTheLearnersLanguageWithProgress() throws Exception {
    ProgressStore store = ProgressStore.at(home);
    store.update(
        p ->
            p.with(
                "assume-role-basics",
                new Progress.Lesson(
                    null,
                    null,
                    Map.of(
                        "user-is-denied",
                        new Progress.Step(StepStatus.PASSED, null, null, 1, 0)))));
    LessonCurriculum c = curriculum(store);
    CatalogEntry ja =
        c.catalog(Language.JA).stream()
            .filter(e -> e.id().equals("assume-role-basics"))
            .findFirst()
            .orElseThrow();
    assertTrue(ja.title().contains("AssumeRole"), ja.title());
    assertTrue(ja.title().codePoints().anyMatch(cp -> cp >= 0x3040), "Japanese title: " + ja);
    assertEquals(1, ja.stepsDone());
    assertTrue(ja.steps() >= 8, "the first article's lesson has its steps: " + ja.steps());

    LessonSession s = c.open("assume-role-basics", Language.EN);
    assertEquals(1, s.current(), "resumes at the first step not passed");
    assertEquals(StepState.PASSED, s.steps().get(0).state());
    assertFalse(s.steps().get(0).body().contains("{{"), "placeholders are filled in");
    assertTrue(s.revealHint());
    assertEquals(1, s.revealedHints(1).size());

    c.reset("assume-role-basics");
    assertEquals(
        0,
        c.catalog(Language.EN).stream()
            .filter(e -> e.id().equals("assume-role-basics"))
            .findFirst()
            .orElseThrow()
            .stepsDone());
  }
}
