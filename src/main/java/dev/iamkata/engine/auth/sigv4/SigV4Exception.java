package dev.iamkata.engine.auth.sigv4;

/**
 * A request whose signature AWS would refuse, with the error code, HTTP status and message AWS
 * sends for it. The code is a plain string because S3 uses codes ({@code AccessDenied}, {@code
 * RequestTimeTooSkewed}, ...) that the query services do not.
 */
public final class SigV4Exception extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public static final String MISSING_AUTHENTICATION_TOKEN = "MissingAuthenticationToken";
  public static final String INCOMPLETE_SIGNATURE = "IncompleteSignature";
  public static final String SIGNATURE_DOES_NOT_MATCH = "SignatureDoesNotMatch";
  public static final String ACCESS_DENIED = "AccessDenied";
  public static final String REQUEST_TIME_TOO_SKEWED = "RequestTimeTooSkewed";
  public static final String AUTHORIZATION_QUERY_PARAMETERS_ERROR =
      "AuthorizationQueryParametersError";

  private static final String MISSING_TOKEN_MESSAGE = "Request is missing Authentication Token";

  private final String code;
  private final int status;
  private final boolean missingAuthentication;

  private SigV4Exception(String code, int status, String message, boolean missingAuthentication) {
    // No stack trace: this is an expected answer to a bad request, not a bug.
    super(message, null, false, false);
    this.code = code;
    this.status = status;
    this.missingAuthentication = missingAuthentication;
  }

  /** The request carried no signature at all: no {@code Authorization}, no X-Amz-Algorithm. */
  static SigV4Exception noAuthentication() {
    return new SigV4Exception(MISSING_AUTHENTICATION_TOKEN, 403, MISSING_TOKEN_MESSAGE, true);
  }

  /** An {@code Authorization} header of some other scheme than {@code AWS4-*}. */
  static SigV4Exception foreignAuthorization() {
    return new SigV4Exception(MISSING_AUTHENTICATION_TOKEN, 403, MISSING_TOKEN_MESSAGE, false);
  }

  static SigV4Exception incompleteSignature(String message) {
    return new SigV4Exception(INCOMPLETE_SIGNATURE, 400, message, false);
  }

  static SigV4Exception signatureDoesNotMatch(String message) {
    return new SigV4Exception(SIGNATURE_DOES_NOT_MATCH, 403, message, false);
  }

  static SigV4Exception of(String code, int status, String message) {
    return new SigV4Exception(code, status, message, false);
  }

  /** The AWS error code, e.g. {@code IncompleteSignature}. */
  public String code() {
    return code;
  }

  /** The HTTP status AWS answers with. */
  public int status() {
    return status;
  }

  /**
   * True only when the request presented no credentials whatsoever, so a caller may treat it as
   * anonymous (S3 public reads) instead of failing.
   */
  public boolean missingAuthentication() {
    return missingAuthentication;
  }
}
