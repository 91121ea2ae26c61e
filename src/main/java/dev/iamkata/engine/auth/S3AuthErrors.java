package dev.iamkata.engine.auth;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.http.HttpRequest;

/**
 * S3 words authentication failures its own way: an unknown key is {@code InvalidAccessKeyId}, a bad
 * session token {@code InvalidToken}, an expired one a 400 {@code ExpiredToken} "The provided token
 * has expired.", and a request without any signature is an anonymous request, refused with {@code
 * AccessDenied} when nothing grants anonymous access.
 */
final class S3AuthErrors {
  static final String INVALID_ACCESS_KEY_ID =
      "The AWS Access Key Id you provided does not exist in our records.";
  static final String INVALID_TOKEN = "The provided token is malformed or otherwise invalid.";
  static final String EXPIRED_TOKEN = "The provided token has expired.";

  private S3AuthErrors() {}

  static AwsException translate(AwsException e, HttpRequest request) {
    return switch (e.error()) {
      case INVALID_CLIENT_TOKEN_ID ->
          hasToken(request)
              ? new AwsException(AwsError.INVALID_TOKEN, INVALID_TOKEN)
              : new AwsException(AwsError.INVALID_ACCESS_KEY_ID, INVALID_ACCESS_KEY_ID);
      case EXPIRED_TOKEN -> new AwsException(AwsError.S3_EXPIRED_TOKEN, EXPIRED_TOKEN);
      case MISSING_AUTHENTICATION_TOKEN ->
          new AwsException(AwsError.ACCESS_DENIED, "Access Denied");
      default -> e;
    };
  }

  private static boolean hasToken(HttpRequest request) {
    return request.header("x-amz-security-token") != null
        || (request.rawQuery() != null && request.rawQuery().contains("X-Amz-Security-Token="));
  }
}
