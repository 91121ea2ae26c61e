package dev.iamkata.engine.api;

/**
 * The catalogue of AWS error codes the engine returns, with the HTTP status and fault side each
 * service uses. Protocol codecs turn an {@link AwsException} carrying one of these into the
 * service's own envelope.
 */
public enum AwsError {
  ACCESS_DENIED("AccessDenied", 403),
  EXPIRED_TOKEN("ExpiredToken", 403),
  INVALID_CLIENT_TOKEN_ID("InvalidClientTokenId", 403),
  SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403),
  INCOMPLETE_SIGNATURE("IncompleteSignature", 400),
  MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationToken", 403),
  REQUEST_TIME_TOO_SKEWED("RequestTimeTooSkewed", 403),
  AUTHORIZATION_QUERY_PARAMETERS_ERROR("AuthorizationQueryParametersError", 400),
  INVALID_ACTION("InvalidAction", 400),
  MISSING_ACTION("MissingAction", 400),
  MISSING_PARAMETER("MissingParameter", 400),
  VALIDATION_ERROR("ValidationError", 400),
  NO_SUCH_ENTITY("NoSuchEntity", 404),
  ENTITY_ALREADY_EXISTS("EntityAlreadyExists", 409),
  DELETE_CONFLICT("DeleteConflict", 409),
  INVALID_AUTHENTICATION_CODE("InvalidAuthenticationCode", 403),
  LIMIT_EXCEEDED("LimitExceeded", 409),
  MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocument", 400),
  INVALID_INPUT("InvalidInput", 400),
  UNMODIFIABLE_ENTITY("UnmodifiableEntity", 400),
  PACKED_POLICY_TOO_LARGE("PackedPolicyTooLarge", 400),
  INVALID_AUTHORIZATION_MESSAGE("InvalidAuthorizationMessageException", 400),
  // S3's own codes (rest-xml), with S3's statuses
  INVALID_ACCESS_KEY_ID("InvalidAccessKeyId", 403),
  INVALID_TOKEN("InvalidToken", 400),
  S3_EXPIRED_TOKEN("ExpiredToken", 400),
  NO_SUCH_BUCKET("NoSuchBucket", 404),
  NO_SUCH_KEY("NoSuchKey", 404),
  NO_SUCH_BUCKET_POLICY("NoSuchBucketPolicy", 404),
  NO_SUCH_UPLOAD("NoSuchUpload", 404),
  BUCKET_NOT_EMPTY("BucketNotEmpty", 409),
  BUCKET_ALREADY_EXISTS("BucketAlreadyExists", 409),
  BUCKET_ALREADY_OWNED_BY_YOU("BucketAlreadyOwnedByYou", 409),
  INVALID_BUCKET_NAME("InvalidBucketName", 400),
  MALFORMED_POLICY("MalformedPolicy", 400),
  MALFORMED_XML("MalformedXML", 400),
  INVALID_ARGUMENT("InvalidArgument", 400),
  INVALID_REQUEST("InvalidRequest", 400),
  INVALID_PART("InvalidPart", 400),
  INVALID_PART_ORDER("InvalidPartOrder", 400),
  INVALID_RANGE("InvalidRange", 416),
  X_AMZ_CONTENT_SHA256_MISMATCH("XAmzContentSHA256Mismatch", 400),
  ENTITY_TOO_SMALL("EntityTooSmall", 400),
  METHOD_NOT_ALLOWED("MethodNotAllowed", 405),
  NOT_IMPLEMENTED("NotImplemented", 501, false),
  S3_INTERNAL_ERROR("InternalError", 500, false),
  // DynamoDB (JSON 1.0); the codec adds the namespace to the code
  RESOURCE_NOT_FOUND("ResourceNotFoundException", 400),
  RESOURCE_IN_USE("ResourceInUseException", 400),
  VALIDATION_EXCEPTION("ValidationException", 400),
  CONDITIONAL_CHECK_FAILED("ConditionalCheckFailedException", 400),
  SERIALIZATION("SerializationException", 400),
  UNKNOWN_OPERATION("UnknownOperationException", 400),
  // EC2
  UNAUTHORIZED_OPERATION("UnauthorizedOperation", 403),
  AUTH_FAILURE("AuthFailure", 401),
  INVALID_PARAMETER_VALUE("InvalidParameterValue", 400),
  INVALID_INSTANCE_ID_NOT_FOUND("InvalidInstanceID.NotFound", 400),
  INVALID_INSTANCE_ID_MALFORMED("InvalidInstanceID.Malformed", 400),
  INVALID_VPC_ID_NOT_FOUND("InvalidVpcID.NotFound", 400),
  INVALID_SUBNET_ID_NOT_FOUND("InvalidSubnetID.NotFound", 400),
  DRY_RUN_OPERATION("DryRunOperation", 412),
  // CloudTrail
  INVALID_LOOKUP_ATTRIBUTES("InvalidLookupAttributesException", 400),
  INVALID_TIME_RANGE("InvalidTimeRangeException", 400),
  INVALID_MAX_RESULTS("InvalidMaxResultsException", 400),
  INVALID_NEXT_TOKEN("InvalidNextTokenException", 400),
  // Lambda (rest-json)
  INVALID_PARAMETER_VALUE_EXCEPTION("InvalidParameterValueException", 400),
  RESOURCE_CONFLICT("ResourceConflictException", 409),
  INVALID_REQUEST_CONTENT("InvalidRequestContentException", 400),
  RECURSIVE_INVOCATION("RecursiveInvocationException", 400),
  SERVICE_FAILURE("ServiceFailure", 500, false),
  INTERNAL_FAILURE("InternalFailure", 500, false);

  private static final java.util.Map<String, AwsError> BY_CODE = new java.util.HashMap<>();

  static {
    for (AwsError e : values()) {
      BY_CODE.putIfAbsent(e.code, e);
    }
  }

  private final String code;
  private final int status;
  private final boolean senderFault;

  AwsError(String code, int status) {
    this(code, status, true);
  }

  AwsError(String code, int status, boolean senderFault) {
    this.code = code;
    this.status = status;
    this.senderFault = senderFault;
  }

  /** The entry for an AWS error code. */
  public static java.util.Optional<AwsError> byCode(String code) {
    return java.util.Optional.ofNullable(BY_CODE.get(code));
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  /** True when the caller is at fault ({@code Sender}), false for {@code Receiver}. */
  public boolean senderFault() {
    return senderFault;
  }
}
