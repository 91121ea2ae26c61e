package dev.iamkata.backend;

/** A backend could not start, answer or do what was asked; the message is for the learner. */
public class BackendException extends Exception {
  private static final long serialVersionUID = 1L;

  public BackendException(String message) {
    super(message);
  }

  public BackendException(String message, Throwable cause) {
    super(message, cause);
  }
}
