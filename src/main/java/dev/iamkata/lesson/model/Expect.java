package dev.iamkata.lesson.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * What a check expects of a command's result or a file.
 *
 * @param outcome {@link Outcome#OK}, {@link Outcome#ERROR} or {@link Outcome#ANY}
 * @param error the AWS error code expected ({@code AccessDenied}), or {@code null}
 * @param query a JMESPath over the JSON (stdout or the file), or {@code null}
 * @param equals the value {@code query} must give (with placeholders applied), or {@code null}
 * @param matches a regular expression the text (stdout and stderr) must contain, or {@code null}
 * @param timeout the check's time limit, or {@code null} for the default (30 s)
 */
public record Expect(
    Outcome outcome,
    String error,
    String query,
    JsonNode equals,
    String matches,
    Duration timeout) {

  /** Whether the command must succeed, fail, or either. */
  public enum Outcome {
    OK,
    ERROR,
    ANY
  }

  /** {@code expect: ok}. */
  public static Expect ok() {
    return new Expect(Outcome.OK, null, null, null, null, null);
  }

  /** Nothing expected beyond what the check itself asks. */
  public static Expect none() {
    return new Expect(Outcome.ANY, null, null, null, null, null);
  }
}
