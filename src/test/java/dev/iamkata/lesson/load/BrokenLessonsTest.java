package dev.iamkata.lesson.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every broken lesson under {@code src/test/resources/dev/iamkata/lesson/broken/} gives exactly the
 * problems in its {@code expected.txt} ({@code LINE:COL: message}), and never a stack trace.
 */
class BrokenLessonsTest {
  static final Path BROKEN = Path.of("src/test/resources/dev/iamkata/lesson/broken");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(BROKEN)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsTheExpectedProblem(String name) throws IOException {
    Path folder = BROKEN.resolve(name);
    List<String> expected =
        Files.readAllLines(folder.resolve("expected.txt"), StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isBlank())
            .toList();
    LessonLoader.Result result = LessonLoader.check(folder);
    assertFalse(result.ok());
    assertNull(result.lesson());
    List<String> actual =
        result.problems().stream()
            .peek(
                p ->
                    assertEquals(
                        folder.resolve("lesson.yaml").toAbsolutePath(), p.file().toAbsolutePath()))
            .map(p -> p.line() + ":" + p.column() + ": " + p.message())
            .toList();
    assertEquals(expected, actual);
  }
}
