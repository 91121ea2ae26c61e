package dev.iamkata.lesson.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.lesson.model.Check;
import dev.iamkata.lesson.model.Expect;
import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.model.SetupItem;
import dev.iamkata.lesson.model.StateQuestion;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LessonLoaderTest {

  @Test
  void loadsTheAssumeRoleLessonIntoRecords() throws Exception {
    Lesson lesson = LessonLoader.load(Path.of("lessons/assume-role-basics"));
    assertEquals("assume-role-basics", lesson.id());
    assertEquals(10, lesson.steps().size());
    assertEquals("AssumeRole, one question at a time", lesson.title().en());
    assertTrue(lesson.setup().get(0) instanceof SetupItem.Command);
    assertEquals(new SetupItem.Profile("dev-user", "dev-user"), lesson.setup().get(2));
    Check first = lesson.steps().get(0).checks().get(0);
    assertEquals(new Check.Spec.LearnerRan("aws s3 ls", "dev-user"), first.spec());
    assertEquals(Expect.Outcome.ERROR, first.expect().outcome());
    assertEquals("AccessDenied", first.expect().error());
    Check simulate = lesson.steps().get(1).checks().get(0);
    StateQuestion.Simulate q =
        (StateQuestion.Simulate) ((Check.Spec.State) simulate.spec()).question();
    assertEquals("sts:AssumeRole", q.action());
    assertEquals("allowed", q.decision());
    assertEquals(Duration.ofHours(1), lesson.steps().get(9).clock());
    assertNull(lesson.steps().get(0).clock());
    assertTrue(lesson.allowSkip());
  }

  @Test
  void aMissingLessonIsAProblemNotAnException() {
    LessonLoadException e =
        assertThrows(LessonLoadException.class, () -> LessonLoader.load(Path.of("no/such/lesson")));
    assertTrue(e.problems().get(0).message().contains("no such file"), e.getMessage());
  }

  @Test
  void suggestsTheNearestKnownWordOnlyWhenClose() {
    assertEquals("title", Suggest.nearest("titel", java.util.List.of("id", "title", "steps")));
    assertNull(Suggest.nearest("zzzzzz", java.util.List.of("id", "title", "steps")));
  }

  @Test
  void parsesDurationsAsLessonsWriteThem() {
    assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
    assertEquals(Duration.ofSeconds(90), Durations.parse("90s"));
    assertNull(Durations.parse("1hour"));
    assertNull(Durations.parse("0s"));
  }
}
