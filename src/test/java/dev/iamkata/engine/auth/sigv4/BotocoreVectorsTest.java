package dev.iamkata.engine.auth.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests signed by botocore (the AWS CLI's signer) captured as they go on the wire: STS
 * GetCallerIdentity, IAM ListUsers with a session token, a presigned STS URL, a Lambda path whose
 * escapes botocore encodes twice, and an S3 PUT whose key it encodes once.
 */
class BotocoreVectorsTest {
  record Vector(
      String name,
      String service,
      String region,
      boolean s3,
      String accessKeyId,
      String secret,
      String method,
      String rawPath,
      String rawQuery,
      Map<String, List<String>> headers,
      String body,
      String payloadSha256,
      String canonicalRequest,
      String stringToSign,
      String requestTime) {

    SignedRequest request() {
      return new SignedRequest(method, rawPath, rawQuery, headers, payloadSha256);
    }
  }

  record Vectors(String source, List<Vector> vectors) {}

  static Stream<Arguments> vectors() throws IOException {
    ObjectMapper json =
        JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    try (InputStream in = BotocoreVectorsTest.class.getResourceAsStream("botocore-vectors.json")) {
      return json.readValue(in, Vectors.class).vectors().stream()
          .map(v -> Arguments.of(Named.of(v.name(), v)));
    }
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void verifiesWhatBotocoreSigned(Vector v) {
    SignedRequest request = v.request();
    if (!v.s3()) {
      // Outside S3 the caller hashes the body itself; the vector's hash must agree.
      assertEquals(SignedRequest.sha256Hex(v.body()), request.payloadSha256());
    }

    SigV4Auth auth = SigV4Parser.parse(request);
    Verification verification = SigV4Verifier.verify(request, auth, v.secret(), v.s3());

    assertEquals(v.canonicalRequest(), verification.canonicalRequest());
    assertEquals(v.stringToSign(), verification.stringToSign());
    assertTrue(verification.matches());
    assertEquals(v.accessKeyId(), auth.accessKeyId());
    Instant signedAt = auth.requestTime();
    assertEquals(v.requestTime(), SigV4.formatAmzDate(signedAt));
    assertEquals(Optional.empty(), SigV4Verifier.checkTime(auth, signedAt.plusSeconds(60), v.s3()));
    assertEquals(Optional.empty(), SigV4Verifier.checkScope(auth, v.service(), v.region()::equals));
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void refusesTheSameRequestWithAnotherSecret(Vector v) {
    SignedRequest request = v.request();
    SigV4Auth auth = SigV4Parser.parse(request);

    Verification verification =
        SigV4Verifier.verify(request, auth, v.secret().replace('w', 'W'), v.s3());

    assertEquals(v.canonicalRequest(), verification.canonicalRequest());
    assertFalse(verification.matches());
  }
}
