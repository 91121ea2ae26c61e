package dev.iamkata.engine.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Checks parsed signature information: the signature itself, the request time and the credential
 * scope. Each check is pure; the caller supplies the secret (or a cached signing key), the current
 * time and what scope it expects.
 */
public final class SigV4Verifier {
  /** How far a request time may be from the server's, either way, before AWS refuses it. */
  public static final Duration MAX_SKEW = Duration.ofMinutes(15);

  /** The longest X-Amz-Expires S3 accepts: a week, as long as a signing key is valid. */
  public static final long MAX_S3_EXPIRES_SECONDS = 604_800;

  private static final DateTimeFormatter SCOPE_DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd").withZone(ZoneOffset.UTC);

  private SigV4Verifier() {}

  /** Verifies the signature with a key derived from {@code secret}. */
  public static Verification verify(
      SignedRequest request, SigV4Auth auth, String secret, boolean s3) {
    return verify(
        request,
        auth,
        SigV4.signingKey(secret, auth.scopeDate(), auth.region(), auth.service()),
        s3);
  }

  /**
   * Verifies the signature with a signing key from {@link SigV4#signingKey} for the auth's scope
   * date, region and service, which a caller may have cached.
   */
  public static Verification verify(
      SignedRequest request, SigV4Auth auth, byte[] signingKey, boolean s3) {
    String canonicalRequest =
        SigV4.canonicalRequest(request, auth.signedHeaders(), s3, auth.presigned());
    String stringToSign = SigV4.stringToSign(auth.amzDate(), auth.scope(), canonicalRequest);
    String expected = SigV4.signature(signingKey, stringToSign);
    // Constant time, so response timing reveals nothing about how much of a forgery was right.
    boolean matches =
        MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8),
            auth.signature().getBytes(StandardCharsets.UTF_8));
    return new Verification(matches, canonicalRequest, stringToSign, s3);
  }

  /**
   * Whether the request is too old or too new to accept at {@code now}.
   *
   * <p>A header-signed request must lie within {@link #MAX_SKEW} of {@code now}. Presigned URLs get
   * the same window everywhere but S3: STS and the other query services ignore X-Amz-Expires. S3
   * honours X-Amz-Expires (at most a week) and refuses a URL dated more than the skew ahead.
   */
  public static Optional<SigV4Exception> checkTime(SigV4Auth auth, Instant now, boolean s3) {
    Instant time = auth.requestTime();
    if (s3 && auth.presigned()) {
      return checkS3Presigned(auth, now);
    }
    Instant earliest = now.minus(MAX_SKEW);
    Instant latest = now.plus(MAX_SKEW);
    if (!time.isBefore(earliest) && !time.isAfter(latest)) {
      return Optional.empty();
    }
    if (s3) {
      return Optional.of(
          SigV4Exception.of(
              SigV4Exception.REQUEST_TIME_TOO_SKEWED,
              403,
              "The difference between the request time and the current time is too large."));
    }
    String nowText = SigV4.formatAmzDate(now);
    String message =
        time.isBefore(earliest)
            ? "Signature expired: "
                + auth.amzDate()
                + " is now earlier than "
                + SigV4.formatAmzDate(earliest)
                + " ("
                + nowText
                + " - 15 min.)"
            : "Signature not yet current: "
                + auth.amzDate()
                + " is still later than "
                + SigV4.formatAmzDate(latest)
                + " ("
                + nowText
                + " + 15 min.)";
    return Optional.of(SigV4Exception.signatureDoesNotMatch(message));
  }

  private static Optional<SigV4Exception> checkS3Presigned(SigV4Auth auth, Instant now) {
    if (auth.expires().isEmpty()) {
      return queryParametersError(
          "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential,"
              + " X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires"
              + " parameters.");
    }
    long expires;
    try {
      expires = Long.parseLong(auth.expires().get());
    } catch (NumberFormatException e) {
      return queryParametersError("X-Amz-Expires should be a number");
    }
    if (expires < 0) {
      return queryParametersError("X-Amz-Expires must be non-negative");
    }
    if (expires > MAX_S3_EXPIRES_SECONDS) {
      return queryParametersError(
          "X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires"
              + " must be less than 604800 seconds");
    }
    if (auth.requestTime().isAfter(now.plus(MAX_SKEW))) {
      return Optional.of(
          SigV4Exception.of(SigV4Exception.ACCESS_DENIED, 403, "Request is not yet valid"));
    }
    if (now.isAfter(auth.requestTime().plusSeconds(expires))) {
      return Optional.of(
          SigV4Exception.of(SigV4Exception.ACCESS_DENIED, 403, "Request has expired"));
    }
    return Optional.empty();
  }

  private static Optional<SigV4Exception> queryParametersError(String message) {
    return Optional.of(
        SigV4Exception.of(SigV4Exception.AUTHORIZATION_QUERY_PARAMETERS_ERROR, 400, message));
  }

  /**
   * Whether the credential scope fits this endpoint: a region {@code validRegion} accepts, the
   * expected service, the {@code aws4_request} terminator, and the day of the request time. Like
   * AWS it reports every fault at once, each sentence followed by a space.
   */
  public static Optional<SigV4Exception> checkScope(
      SigV4Auth auth, String expectedService, Predicate<String> validRegion) {
    StringBuilder faults = new StringBuilder();
    if (!validRegion.test(auth.region())) {
      faults
          .append("Credential should be scoped to a valid region, not '")
          .append(auth.region())
          .append("'. ");
    }
    if (!auth.service().equals(expectedService)) {
      faults
          .append("Credential should be scoped to correct service: '")
          .append(expectedService)
          .append("'. ");
    }
    if (!auth.terminator().equals(SigV4.TERMINATOR)) {
      faults
          .append("Credential should be scoped with a valid terminator: 'aws4_request', not '")
          .append(auth.terminator())
          .append("'. ");
    }
    String requestDay = SCOPE_DATE.format(auth.requestTime());
    if (!auth.scopeDate().equals(requestDay)) {
      faults
          .append(
              "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from"
                  + " HTTP: '")
          .append(auth.scopeDate())
          .append("' != '")
          .append(requestDay)
          .append("', from '")
          .append(auth.amzDate())
          .append("'. ");
    }
    return faults.length() == 0
        ? Optional.empty()
        : Optional.of(SigV4Exception.signatureDoesNotMatch(faults.toString()));
  }
}
