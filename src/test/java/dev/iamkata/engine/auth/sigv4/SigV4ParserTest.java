package dev.iamkata.engine.auth.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SigV4ParserTest {
  static final String CREDENTIAL = "AKIDEXAMPLE/20150830/us-east-1/service/aws4_request";
  static final String SIGNATURE =
      "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";
  static final String VANILLA =
      "AWS4-HMAC-SHA256 Credential="
          + CREDENTIAL
          + ", SignedHeaders=host;x-amz-date, Signature="
          + SIGNATURE;

  static SignedRequest request(String rawQuery, String... headerPairs) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Host", List.of("example.amazonaws.com"));
    for (int i = 0; i < headerPairs.length; i += 2) {
      headers.put(headerPairs[i], List.of(headerPairs[i + 1]));
    }
    return new SignedRequest("GET", "/", rawQuery, headers, SignedRequest.sha256Hex(""));
  }

  static SigV4Exception refusal(SignedRequest request) {
    return assertThrows(SigV4Exception.class, () -> SigV4Parser.parse(request));
  }

  static void assertRefused(String code, String message, SignedRequest request) {
    SigV4Exception e = refusal(request);
    assertEquals(code, e.code());
    assertEquals(message, e.getMessage());
  }

  @Test
  void readsEveryPartOfAHeaderSignature() {
    SigV4Auth auth =
        SigV4Parser.parse(
            request(
                null,
                "Authorization",
                VANILLA,
                "X-Amz-Date",
                "20150830T123600Z",
                "X-Amz-Security-Token",
                "token/+="));

    assertEquals(CREDENTIAL, auth.credential());
    assertEquals("AKIDEXAMPLE", auth.accessKeyId());
    assertEquals("20150830", auth.scopeDate());
    assertEquals("us-east-1", auth.region());
    assertEquals("service", auth.service());
    assertEquals("aws4_request", auth.terminator());
    assertEquals(List.of("host", "x-amz-date"), auth.signedHeaders());
    assertEquals(SIGNATURE, auth.signature());
    assertEquals(Instant.parse("2015-08-30T12:36:00Z"), auth.requestTime());
    assertFalse(auth.presigned());
    assertEquals(Optional.empty(), auth.expires());
    assertEquals(Optional.of("token/+="), auth.securityToken());
  }

  @Test
  void readsEveryPartOfAPresignedUrl() {
    SigV4Auth auth =
        SigV4Parser.parse(
            request(
                "Action=GetCallerIdentity&X-Amz-Algorithm=AWS4-HMAC-SHA256"
                    + "&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fsts%2Faws4_request"
                    + "&X-Amz-Date=20150830T123600Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host"
                    + "&X-Amz-Security-Token=tok%2Fen%2B%3D&X-Amz-Signature="
                    + SIGNATURE));

    assertTrue(auth.presigned());
    assertEquals("sts", auth.service());
    assertEquals(List.of("host"), auth.signedHeaders());
    assertEquals(Optional.of("900"), auth.expires());
    assertEquals(Optional.of("tok/en+="), auth.securityToken());
    assertEquals(SIGNATURE, auth.signature());
  }

  @Test
  void anUnsignedRequestIsMissingItsAuthenticationToken() {
    SigV4Exception e = refusal(request("Action=ListUsers", "X-Amz-Date", "20150830T123600Z"));

    assertEquals("MissingAuthenticationToken", e.code());
    assertEquals("Request is missing Authentication Token", e.getMessage());
    assertEquals(403, e.status());
    assertTrue(e.missingAuthentication());
  }

  @Test
  void aForeignSchemeIsAnsweredAsUnsignedButNotAsAnonymous() {
    SigV4Exception e = refusal(request(null, "Authorization", "Bearer eyJhbGciOi.x.y"));

    assertEquals("MissingAuthenticationToken", e.code());
    assertEquals("Request is missing Authentication Token", e.getMessage());
    assertFalse(e.missingAuthentication());
  }

  @Test
  void listsEveryMissingHeaderParameterWithTheHeaderItself() {
    assertRefused(
        "IncompleteSignature",
        "Authorization header requires 'Credential' parameter. Authorization header requires"
            + " 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter."
            + " Authorization header requires existence of either a 'X-Amz-Date' or a 'Date'"
            + " header. Authorization=AWS4-HMAC-SHA256",
        request(null, "Authorization", "AWS4-HMAC-SHA256"));
    assertRefused(
        "IncompleteSignature",
        "Authorization header requires 'Signature' parameter. Authorization header requires"
            + " 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256 Credential=ABCDEF",
        request(
            null,
            "Authorization",
            "AWS4-HMAC-SHA256 Credential=ABCDEF",
            "X-Amz-Date",
            "20150830T123600Z"));
  }

  @Test
  void aTokenWithoutEqualsSignIsNotAKeyValuePair() {
    String header =
        "AWS4-HMAC-SHA256 Credential= " + CREDENTIAL + ", SignedHeaders=host, Signature=abc";

    assertRefused(
        "IncompleteSignature",
        "'"
            + CREDENTIAL
            + "' not a valid key=value pair (missing equal-sign) in Authorization header: '"
            + header
            + "'.",
        request(null, "Authorization", header, "X-Amz-Date", "20150830T123600Z"));
  }

  @Test
  void theDateMustBeInBasicFormat() {
    assertRefused(
        "IncompleteSignature",
        "Date must be in ISO-8601 'basic format'. Got '2015-08-30T12:36:00Z'. See"
            + " http://en.wikipedia.org/wiki/ISO_8601",
        request(null, "Authorization", VANILLA, "X-Amz-Date", "2015-08-30T12:36:00Z"));
  }

  @Test
  void theDateHeaderMayCarryAnHttpDate() {
    String header = VANILLA.replace("x-amz-date", "date");
    SigV4Auth auth =
        SigV4Parser.parse(
            request(null, "Authorization", header, "Date", "Sun, 30 Aug 2015 12:36:00 GMT"));

    assertEquals(Instant.parse("2015-08-30T12:36:00Z"), auth.requestTime());
    assertEquals("20150830T123600Z", auth.amzDate());
  }

  @Test
  void hostMustBeSigned() {
    assertRefused(
        "SignatureDoesNotMatch",
        "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
        request(
            null, "Authorization", VANILLA.replace("host;", ""), "X-Amz-Date", "20150830T123600Z"));
  }

  @Test
  void anXAmzDateHeaderMustBeSigned() {
    assertRefused(
        "SignatureDoesNotMatch",
        "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.",
        request(
            null,
            "Authorization",
            VANILLA.replace("host;x-amz-date", "host"),
            "X-Amz-Date",
            "20150830T123600Z"));
  }

  @Test
  void onlyTheSha256AlgorithmIsSupported() {
    assertRefused(
        "IncompleteSignature",
        "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA1' (only AWS4-HMAC-SHA256 for now). ",
        request(
            null,
            "Authorization",
            VANILLA.replace("SHA256", "SHA1"),
            "X-Amz-Date",
            "20150830T123600Z"));
  }

  @Test
  void theCredentialNeedsFiveElements() {
    assertRefused(
        "IncompleteSignature",
        "Credential must have exactly 5 slash-delimited elements, e.g."
            + " keyid/date/region/service/term, got 'AKIDEXAMPLE/20150830/us-east-1/service'",
        request(
            null,
            "Authorization",
            VANILLA.replace("/aws4_request", ""),
            "X-Amz-Date",
            "20150830T123600Z"));
  }

  @Test
  void aTrailingSlashInTheCredentialIsIgnored() {
    SigV4Auth auth =
        SigV4Parser.parse(
            request(
                null,
                "Authorization",
                VANILLA.replace("aws4_request", "aws4_request/"),
                "X-Amz-Date",
                "20150830T123600Z"));

    assertEquals("aws4_request", auth.terminator());
  }

  @Test
  void aRequestCannotBeSignedTwoWays() {
    assertRefused(
        "SignatureDoesNotMatch",
        "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.",
        request(
            "X-Amz-Algorithm=AWS4-HMAC-SHA256",
            "Authorization",
            VANILLA,
            "X-Amz-Date",
            "20150830T123600Z"));
  }

  @Test
  void listsEveryMissingQueryParameter() {
    assertRefused(
        "IncompleteSignature",
        "AWS query-string parameters must include 'X-Amz-Credential'. AWS query-string parameters"
            + " must include 'X-Amz-Signature'. AWS query-string parameters must include"
            + " 'X-Amz-SignedHeaders'. Re-examine the query-string parameters.",
        request("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20150830T123600Z"));
    assertRefused(
        "IncompleteSignature",
        "AWS query-string parameters must include 'X-Amz-Algorithm'. AWS query-string parameters"
            + " must include 'X-Amz-Credential'. AWS query-string parameters must include"
            + " 'X-Amz-Signature'. AWS query-string parameters must include 'X-Amz-SignedHeaders'."
            + " AWS query-string parameters must include 'X-Amz-Date'. Re-examine the query-string"
            + " parameters.",
        request("X-Amz-Algorithm"));
  }
}
