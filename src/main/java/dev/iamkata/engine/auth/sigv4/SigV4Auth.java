package dev.iamkata.engine.auth.sigv4;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The signature information a request carries, from its {@code Authorization} header or, for a
 * presigned URL, its {@code X-Amz-*} query parameters. Produced by {@link SigV4Parser}; nothing in
 * it has been checked against a key, a clock or the expected scope yet.
 *
 * @param credential the raw credential, {@code keyid/date/region/service/terminator}
 * @param accessKeyId the access key id, first element of the credential
 * @param scopeDate the credential scope date, {@code yyyyMMdd}
 * @param region the credential scope region
 * @param service the credential scope service
 * @param terminator the credential scope terminator, which should be {@code aws4_request}
 * @param signedHeaders the signed header names as the client listed them
 * @param signature the hex signature the client sent
 * @param requestTime when the client signed, from {@code X-Amz-Date} (or the {@code Date} header)
 * @param presigned whether the signature came in the query string
 * @param expires the raw {@code X-Amz-Expires} of a presigned request; only S3 honours it, so it is
 *     validated by {@link SigV4Verifier#checkTime} rather than here
 * @param securityToken the session token from {@code X-Amz-Security-Token}, header or query
 */
public record SigV4Auth(
    String credential,
    String accessKeyId,
    String scopeDate,
    String region,
    String service,
    String terminator,
    List<String> signedHeaders,
    String signature,
    Instant requestTime,
    boolean presigned,
    Optional<String> expires,
    Optional<String> securityToken) {

  public SigV4Auth {
    signedHeaders = List.copyOf(signedHeaders);
  }

  /** The credential scope as it appears in the string to sign. */
  public String scope() {
    return String.join("/", scopeDate, region, service, terminator);
  }

  /** The request time in the {@code yyyyMMdd'T'HHmmss'Z'} form the string to sign uses. */
  public String amzDate() {
    return SigV4.formatAmzDate(requestTime);
  }
}
