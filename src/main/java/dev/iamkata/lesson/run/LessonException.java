package dev.iamkata.lesson.run;

/**
 * The runner could not do what was asked (setup failed, backend down); the message is for people.
 */
public final class LessonException extends Exception {
  private static final long serialVersionUID = 1L;

  public LessonException(String message) {
    super(message);
  }

  public LessonException(String message, Throwable cause) {
    super(message, cause);
  }
}
