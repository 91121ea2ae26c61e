package dev.iamkata.grade;

/**
 * Runs a learner's script against a lesson and reports every step's checks. The real one drives the
 * lesson runner on a fresh backend ({@link LessonGrader}); tests of the command use fakes.
 */
public interface Grader extends AutoCloseable {

  /**
   * Grades one script.
   *
   * @throws GradeInputException when the request cannot be graded at all (unknown or broken lesson,
   *     backend that will not start); the message is one line for the user
   */
  GradeReport grade(GradeRequest request) throws GradeInputException, InterruptedException;

  /** Lets go of the backend; graders that hold none need not override this. */
  @Override
  default void close() {}
}
