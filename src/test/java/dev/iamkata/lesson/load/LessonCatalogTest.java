package dev.iamkata.lesson.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonCatalogTest {
  @TempDir Path dir;

  @Test
  void theEnvironmentVariableWins() {
    assertEquals(dir, LessonCatalog.locate(Map.of(LessonCatalog.ENV, dir.toString())).root());
  }

  @Test
  void withoutItTheCheckoutsLessonsAreFound() throws Exception {
    Path root = LessonCatalog.locate(Map.of()).root();
    assertTrue(
        Files.isRegularFile(root.resolve("assume-role-basics/lesson.yaml")), root.toString());
  }

  @Test
  void loadsEveryLessonInCatalogOrderWithBrokenOnesLast() throws Exception {
    LessonCatalog catalog =
        new LessonCatalog(BrokenLessonsTest.BROKEN.getParent().resolve("verify"));
    List<LessonLoader.Result> all = catalog.loadAll();
    assertEquals(List.of("not-green", "not-red"), all.stream().map(r -> r.lesson().id()).toList());
    LessonCatalog broken = new LessonCatalog(BrokenLessonsTest.BROKEN);
    List<LessonLoader.Result> results = broken.loadAll();
    assertFalse(results.isEmpty());
    assertTrue(results.stream().noneMatch(LessonLoader.Result::ok));
  }

  @Test
  void anUnknownLessonIsAProblem() {
    LessonLoadException e =
        assertThrows(LessonLoadException.class, () -> new LessonCatalog(dir).load("nope"));
    assertTrue(e.getMessage().contains("no lesson \"nope\""), e.getMessage());
  }
}
