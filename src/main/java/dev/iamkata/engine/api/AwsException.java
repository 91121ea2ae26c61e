package dev.iamkata.engine.api;

import java.util.Optional;

/**
 * An AWS error response in the making: the catalogue entry plus the message AWS would send, and for
 * an authorization failure the {@link Denial} behind it, which a service may word its own way.
 */
public final class AwsException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final AwsError error;
  private final transient Denial denial;

  public AwsException(AwsError error, String message) {
    super(message, null, false, false);
    this.error = error;
    this.denial = null;
  }

  /** An {@code AccessDenied} worded as IAM and STS word it. */
  public AwsException(Denial denial) {
    super(denial.message(), null, false, false);
    this.error = AwsError.ACCESS_DENIED;
    this.denial = denial;
  }

  public AwsError error() {
    return error;
  }

  /** The refusal's parts, when this is an authorization failure. */
  public Optional<Denial> denial() {
    return Optional.ofNullable(denial);
  }
}
