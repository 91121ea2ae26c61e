package dev.iamkata.engine.policy;

/**
 * A policy document IAM would refuse with {@code MalformedPolicyDocument}. The message is the text
 * AWS returns for that mistake, so the engine can hand it to the caller unchanged.
 */
public final class MalformedPolicyException extends RuntimeException {
  public MalformedPolicyException(String message) {
    super(message);
  }
}
