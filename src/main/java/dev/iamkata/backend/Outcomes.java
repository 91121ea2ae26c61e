package dev.iamkata.backend;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What an AWS call answered, as one short line: {@code ok}, or {@code CODE: message}. And the error
 * codes that mean the same thing across services (a denial is {@code AccessDenied} in IAM, STS and
 * S3, {@code AccessDeniedException} in DynamoDB and Lambda, {@code UnauthorizedOperation} in EC2).
 */
final class Outcomes {
  static final String OK = "ok";

  /** Refusals by policy evaluation. */
  static final Set<String> DENIALS =
      Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation");

  /** Refusals of the request's key or signature, by any service. */
  static final Set<String> SIGNATURE_REFUSALS =
      Set.of(
          "SignatureDoesNotMatch",
          "InvalidClientTokenId",
          "InvalidSignatureException",
          "UnrecognizedClientException",
          "InvalidAccessKeyId",
          "AuthFailure",
          "IncompleteSignature");

  /** Refusals of an expired session. */
  static final Set<String> EXPIRIES = Set.of("ExpiredToken", "ExpiredTokenException");

  private static final int MAX_MESSAGE = 160;

  private Outcomes() {}

  /** {@code ok} when {@code call} returns, else its error as {@code CODE: message}. */
  static String of(Runnable call) {
    try {
      call.run();
      return OK;
    } catch (SdkException e) {
      return of(e);
    }
  }

  static String of(Exception e) {
    if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      String code = aws.awsErrorDetails().errorCode();
      String message = aws.awsErrorDetails().errorMessage();
      if (code == null) {
        // an error shape the SDK's protocol does not read (moto wraps IAM's in <Errors>, as
        // EC2 does); the aws CLI reads such bodies, so the probe reads the code as it would
        String raw = raw(aws);
        code = first(CODE_XML, raw);
        message = message != null ? message : first(MESSAGE_XML, raw);
      }
      return (code == null ? "HTTP " + aws.statusCode() : code)
          + (message == null ? "" : ": " + shorten(message));
    }
    return e.getClass().getSimpleName() + ": " + shorten(String.valueOf(e.getMessage()));
  }

  /** The error code of an outcome line ({@code ok} for success). */
  static String code(String outcome) {
    int colon = outcome.indexOf(':');
    return colon < 0 ? outcome : outcome.substring(0, colon);
  }

  static boolean isDenial(String outcome) {
    return DENIALS.contains(code(outcome));
  }

  static boolean isSignatureRefusal(String outcome) {
    return SIGNATURE_REFUSALS.contains(code(outcome));
  }

  /** Runs a cleanup step; a failure is added to {@code failed} as "what: outcome". */
  static void collect(Runnable step, String what, List<String> failed) {
    String outcome = of(step);
    if (!outcome.equals(OK)) {
      failed.add(what + ": " + outcome);
    }
  }

  private static final Pattern CODE_XML = Pattern.compile("<Code>([^<]+)</Code>");
  private static final Pattern MESSAGE_XML = Pattern.compile("<Message>([^<]*)</Message>");

  private static String raw(AwsServiceException e) {
    var bytes = e.awsErrorDetails().rawResponse();
    return bytes == null ? "" : bytes.asUtf8String();
  }

  private static String first(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  private static String shorten(String message) {
    String one = message.replaceAll("\\s+", " ").trim();
    return one.length() <= MAX_MESSAGE ? one : one.substring(0, MAX_MESSAGE - 1) + "…";
  }
}
