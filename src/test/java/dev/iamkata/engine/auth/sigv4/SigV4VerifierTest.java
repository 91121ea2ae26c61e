package dev.iamkata.engine.auth.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SigV4VerifierTest {
  static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  static final String BODY = "Action=GetCallerIdentity&Version=2011-06-15";
  static final String AMZ_DATE = "20220127T015928Z";
  static final Instant NOW = Instant.parse("2022-01-27T01:59:28Z");

  /** An STS form POST signed the way the SDKs sign it. */
  static SignedRequest signedPost() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("host", List.of("sts.amazonaws.com"));
    headers.put("content-type", List.of("application/x-www-form-urlencoded; charset=utf-8"));
    headers.put("x-amz-date", List.of(AMZ_DATE));
    SignedRequest unsigned =
        new SignedRequest("POST", "/", null, headers, SignedRequest.sha256Hex(BODY));
    List<String> signed = List.of("content-type", "host", "x-amz-date");
    String scope = "20220127/us-east-1/sts/aws4_request";
    String stringToSign =
        SigV4.stringToSign(AMZ_DATE, scope, SigV4.canonicalRequest(unsigned, signed, false, false));
    String signature =
        SigV4.signature(SigV4.signingKey(SECRET, "20220127", "us-east-1", "sts"), stringToSign);
    return RawHttpRequest.withHeader(
        unsigned,
        "authorization",
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"
            + scope
            + ", SignedHeaders=content-type;host;x-amz-date, Signature="
            + signature);
  }

  static boolean verifies(SignedRequest request) {
    return SigV4Verifier.verify(request, SigV4Parser.parse(request), SECRET, false).matches();
  }

  static SigV4Auth auth(String amzDate, boolean presigned, Optional<String> expires) {
    return new SigV4Auth(
        "AKIDEXAMPLE/" + amzDate.substring(0, 8) + "/us-east-1/sts/aws4_request",
        "AKIDEXAMPLE",
        amzDate.substring(0, 8),
        "us-east-1",
        "sts",
        "aws4_request",
        List.of("host"),
        "00",
        Instant.parse(
            amzDate.replaceFirst(
                "(\\d{4})(\\d\\d)(\\d\\d)T(\\d\\d)(\\d\\d)(\\d\\d)Z", "$1-$2-$3T$4:$5:$6Z")),
        presigned,
        expires,
        Optional.empty());
  }

  static SigV4Auth headerAuth(Instant time) {
    return auth(SigV4.formatAmzDate(time), false, Optional.empty());
  }

  static SigV4Auth s3Presigned(String expires) {
    return auth(AMZ_DATE, true, Optional.ofNullable(expires));
  }

  static void assertFailure(String code, String message, Optional<SigV4Exception> failure) {
    assertTrue(failure.isPresent(), "expected " + code);
    assertEquals(code, failure.get().code());
    assertEquals(message, failure.get().getMessage());
  }

  @Test
  void aGenuineRequestVerifiesAlsoWithACachedSigningKey() {
    SignedRequest request = signedPost();
    SigV4Auth auth = SigV4Parser.parse(request);
    byte[] cached = SigV4.signingKey(SECRET, "20220127", "us-east-1", "sts");

    Verification verification = SigV4Verifier.verify(request, auth, cached, false);

    assertTrue(verification.matches());
    assertEquals(Optional.empty(), verification.failure());
    assertTrue(verification.canonicalRequest().startsWith("POST\n/\n\ncontent-type:"));
  }

  @Test
  void aTamperedSignatureDoesNotMatch() {
    SignedRequest request = signedPost();
    String header = request.header("authorization").orElseThrow();
    char last = header.charAt(header.length() - 1);
    SignedRequest tampered =
        RawHttpRequest.withHeader(
            request,
            "authorization",
            header.substring(0, header.length() - 1) + (last == '0' ? '1' : '0'));

    Verification verification =
        SigV4Verifier.verify(tampered, SigV4Parser.parse(tampered), SECRET, false);

    assertFalse(verification.matches());
    assertFailure("SignatureDoesNotMatch", Verification.MISMATCH_MESSAGE, verification.failure());
    assertEquals(403, verification.failure().orElseThrow().status());
  }

  @Test
  void s3ExplainsAMismatchInItsOwnWords() {
    SignedRequest request = signedPost();

    Verification verification =
        SigV4Verifier.verify(request, SigV4Parser.parse(request), "wrong", true);

    assertFailure(
        "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided. Check"
            + " your key and signing method.",
        verification.failure());
  }

  @Test
  void theWrongSecretDoesNotMatch() {
    SignedRequest request = signedPost();

    assertFalse(
        SigV4Verifier.verify(request, SigV4Parser.parse(request), SECRET + "x", false).matches());
  }

  @Test
  void aChangedBodyDoesNotMatch() {
    SignedRequest request = signedPost();
    SignedRequest changed =
        new SignedRequest(
            request.method(),
            request.rawPath(),
            request.rawQuery(),
            request.headers(),
            SignedRequest.sha256Hex(BODY.replace("GetCallerIdentity", "GetSessionToken")));

    assertFalse(verifies(changed));
  }

  @Test
  void aChangedSignedHeaderOrQueryDoesNotMatchButAnUnsignedHeaderIsIgnored() {
    SignedRequest request = signedPost();
    SignedRequest withQuery =
        new SignedRequest(
            request.method(),
            request.rawPath(),
            "Action=ListUsers",
            request.headers(),
            request.payloadSha256());

    assertTrue(verifies(request));
    assertFalse(verifies(RawHttpRequest.withHeader(request, "content-type", "application/json")));
    assertFalse(verifies(withQuery));
    assertTrue(verifies(RawHttpRequest.withHeader(request, "user-agent", "curl/8.0")));
  }

  @Test
  void headerSignaturesMayBeFifteenMinutesOffEitherWay() {
    Duration skew = Duration.ofMinutes(15);

    assertEquals(
        Optional.empty(), SigV4Verifier.checkTime(headerAuth(NOW.minus(skew)), NOW, false));
    assertEquals(Optional.empty(), SigV4Verifier.checkTime(headerAuth(NOW.plus(skew)), NOW, false));
    assertFailure(
        "SignatureDoesNotMatch",
        "Signature expired: 20220127T014427Z is now earlier than 20220127T014428Z"
            + " (20220127T015928Z - 15 min.)",
        SigV4Verifier.checkTime(headerAuth(NOW.minus(skew).minusSeconds(1)), NOW, false));
    assertFailure(
        "SignatureDoesNotMatch",
        "Signature not yet current: 20220127T021429Z is still later than 20220127T021428Z"
            + " (20220127T015928Z + 15 min.)",
        SigV4Verifier.checkTime(headerAuth(NOW.plus(skew).plusSeconds(1)), NOW, false));
  }

  @Test
  void skewMessagesReadLikeAwsOnes() {
    assertFailure(
        "SignatureDoesNotMatch",
        "Signature expired: 20220127T001427Z is now earlier than 20220127T014428Z"
            + " (20220127T015928Z - 15 min.)",
        SigV4Verifier.checkTime(auth("20220127T001427Z", false, Optional.empty()), NOW, false));
    assertFailure(
        "SignatureDoesNotMatch",
        "Signature not yet current: 20220127T031427Z is still later than 20220127T021428Z"
            + " (20220127T015928Z + 15 min.)",
        SigV4Verifier.checkTime(auth("20220127T031427Z", false, Optional.empty()), NOW, false));
  }

  @Test
  void s3CallsASkewedHeaderSignatureTooSkewed() {
    assertFailure(
        "RequestTimeTooSkewed",
        "The difference between the request time and the current time is too large.",
        SigV4Verifier.checkTime(headerAuth(NOW.minusSeconds(901)), NOW, true));
  }

  @Test
  void outsideS3APresignedUrlLivesFifteenMinutesWhateverItsExpires() {
    SigV4Auth oneMinute = auth(AMZ_DATE, true, Optional.of("60"));

    assertEquals(Optional.empty(), SigV4Verifier.checkTime(oneMinute, NOW.plusSeconds(600), false));
    assertFailure(
        "SignatureDoesNotMatch",
        "Signature expired: 20220127T015928Z is now earlier than 20220127T015929Z"
            + " (20220127T021429Z - 15 min.)",
        SigV4Verifier.checkTime(oneMinute, NOW.plusSeconds(901), false));
  }

  @Test
  void s3PresignedUrlsExpireAfterXAmzExpires() {
    assertEquals(
        Optional.empty(), SigV4Verifier.checkTime(s3Presigned("60"), NOW.plusSeconds(60), true));
    assertFailure(
        "AccessDenied",
        "Request has expired",
        SigV4Verifier.checkTime(s3Presigned("60"), NOW.plusSeconds(61), true));
    assertFailure(
        "AccessDenied",
        "Request is not yet valid",
        SigV4Verifier.checkTime(s3Presigned("60"), NOW.minusSeconds(901), true));
  }

  @Test
  void s3ValidatesXAmzExpires() {
    String code = "AuthorizationQueryParametersError";
    assertFailure(
        code,
        "X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires"
            + " must be less than 604800 seconds",
        SigV4Verifier.checkTime(s3Presigned("604801"), NOW, true));
    assertEquals(Optional.empty(), SigV4Verifier.checkTime(s3Presigned("604800"), NOW, true));
    assertFailure(
        code,
        "X-Amz-Expires should be a number",
        SigV4Verifier.checkTime(s3Presigned("soon"), NOW, true));
    assertFailure(
        code,
        "X-Amz-Expires must be non-negative",
        SigV4Verifier.checkTime(s3Presigned("-1"), NOW, true));
    assertFailure(
        code,
        "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential,"
            + " X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.",
        SigV4Verifier.checkTime(s3Presigned(null), NOW, true));
  }

  @Test
  void aWellScopedCredentialPasses() {
    assertEquals(
        Optional.empty(),
        SigV4Verifier.checkScope(headerAuth(NOW), "sts", Set.of("us-east-1")::contains));
  }

  @Test
  void eachScopeFaultHasItsOwnSentence() {
    SigV4Auth good = headerAuth(NOW);

    assertFailure(
        "SignatureDoesNotMatch",
        "Credential should be scoped to a valid region, not 'us-east-1'. ",
        SigV4Verifier.checkScope(good, "sts", Set.of("eu-west-1")::contains));
    assertFailure(
        "SignatureDoesNotMatch",
        "Credential should be scoped to correct service: 'batch'. ",
        SigV4Verifier.checkScope(good, "batch", r -> true));
  }

  @Test
  void everyScopeFaultIsReportedAtOnce() {
    SigV4Auth bad =
        new SigV4Auth(
            "AKIDEXAMPLE/20150830/xx-foo-1/iam/x",
            "AKIDEXAMPLE",
            "20150830",
            "xx-foo-1",
            "iam",
            "x",
            List.of("host"),
            "00",
            Instant.parse("2015-08-31T12:36:00Z"),
            false,
            Optional.empty(),
            Optional.empty());

    assertFailure(
        "SignatureDoesNotMatch",
        "Credential should be scoped to a valid region, not 'xx-foo-1'. Credential should be"
            + " scoped to correct service: 'sts'. Credential should be scoped with a valid"
            + " terminator: 'aws4_request', not 'x'. Date in Credential scope does not match"
            + " YYYYMMDD from ISO-8601 version of date from HTTP: '20150830' != '20150831', from"
            + " '20150831T123600Z'. ",
        SigV4Verifier.checkScope(bad, "sts", "us-east-1"::equals));
  }
}
