package dev.iamkata.grade;

/** Grading cannot start: bad input or an unusable lesson or backend. Exit code 2, one line. */
public class GradeInputException extends Exception {
  private static final long serialVersionUID = 1L;

  public GradeInputException(String message) {
    super(message);
  }

  public GradeInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
