package dev.iamkata.lesson.load;

import java.util.List;
import java.util.stream.Collectors;

/** A lesson could not be loaded; {@link #problems()} says where and why (never empty). */
public final class LessonLoadException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public LessonLoadException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
