package dev.iamkata.engine.api;

/** An AWS error response in the making: the catalogue entry plus the message AWS would send. */
public final class AwsException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final AwsError error;

  public AwsException(AwsError error, String message) {
    super(message, null, false, false);
    this.error = error;
  }

  public AwsError error() {
    return error;
  }
}
