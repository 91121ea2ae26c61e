package dev.iamkata.workshop;

/** A request the workshop refuses, with the HTTP status and a message for people. */
public final class WorkshopException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int status;

  public WorkshopException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
