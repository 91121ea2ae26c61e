package dev.iamkata.engine.auth.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AWS's published SigV4 test suite: every header-signed case, and the presigned form of the GET
 * ones, all for {@code AKIDEXAMPLE} in {@code us-east-1}, service {@code service}, at {@code
 * 20150830T123600Z}. The expected values in the resource were produced by botocore and checked
 * equal to the suite's own when generated. The suite's request paths are unencoded, so encoding
 * them once reproduces the expected canonical URI.
 */
class SigV4TestSuiteTest {
  static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

  record HeaderCase(
      String name,
      String request,
      String canonicalRequest,
      String stringToSign,
      String authorization) {}

  record PresignedCase(
      String name, String signedRequest, String canonicalRequest, String stringToSign) {}

  record Suite(String source, List<HeaderCase> headerCases, List<PresignedCase> presignedCases) {}

  static Suite suite() throws IOException {
    ObjectMapper json =
        JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    try (InputStream in =
        SigV4TestSuiteTest.class.getResourceAsStream("aws-sig-v4-test-suite.json")) {
      return json.readValue(in, Suite.class);
    }
  }

  static Stream<Arguments> headerCases() throws IOException {
    return suite().headerCases().stream().map(c -> Arguments.of(Named.of(c.name(), c)));
  }

  static Stream<Arguments> presignedCases() throws IOException {
    return suite().presignedCases().stream().map(c -> Arguments.of(Named.of(c.name(), c)));
  }

  @ParameterizedTest
  @MethodSource("headerCases")
  void buildsTheCanonicalRequestStringToSignAndSignature(HeaderCase c) {
    SignedRequest request = RawHttpRequest.parse(c.request());
    String signedHeaders = c.authorization().replaceAll(".*SignedHeaders=([^,]*),.*", "$1");

    String canonical =
        SigV4.canonicalRequest(request, List.of(signedHeaders.split(";")), false, false);
    assertEquals(c.canonicalRequest(), canonical);
    String stringToSign =
        SigV4.stringToSign(
            "20150830T123600Z", "20150830/us-east-1/service/aws4_request", canonical);
    assertEquals(c.stringToSign(), stringToSign);
    String signature =
        SigV4.signature(SigV4.signingKey(SECRET, "20150830", "us-east-1", "service"), stringToSign);
    assertTrue(c.authorization().endsWith("Signature=" + signature), c.authorization());
  }

  @ParameterizedTest
  @MethodSource("headerCases")
  void parsesAndVerifiesTheSignedRequest(HeaderCase c) {
    SignedRequest request =
        RawHttpRequest.withHeader(
            RawHttpRequest.parse(c.request()), "Authorization", c.authorization());

    SigV4Auth auth = SigV4Parser.parse(request);
    Verification verification = SigV4Verifier.verify(request, auth, SECRET, false);

    assertEquals(c.canonicalRequest(), verification.canonicalRequest());
    assertEquals(c.stringToSign(), verification.stringToSign());
    assertTrue(verification.matches());
    assertEquals("AKIDEXAMPLE", auth.accessKeyId());
    assertEquals("20150830/us-east-1/service/aws4_request", auth.scope());
  }

  @ParameterizedTest
  @MethodSource("presignedCases")
  void verifiesPresignedUrls(PresignedCase c) {
    SignedRequest request = RawHttpRequest.parse(c.signedRequest());

    SigV4Auth auth = SigV4Parser.parse(request);
    Verification verification = SigV4Verifier.verify(request, auth, SECRET, false);

    assertTrue(auth.presigned());
    assertEquals(c.canonicalRequest(), verification.canonicalRequest());
    assertEquals(c.stringToSign(), verification.stringToSign());
    assertTrue(verification.matches());
  }
}
