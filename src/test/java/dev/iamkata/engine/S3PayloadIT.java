package dev.iamkata.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * S3 payload checks on hand-signed requests: signed aws-chunked bodies (the SDK's own signer)
 * decode and verify, a tampered chunk is {@code SignatureDoesNotMatch}, and a body that does not
 * match its hex {@code x-amz-content-sha256} is {@code XAmzContentSHA256Mismatch}.
 */
class S3PayloadIT {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final Set<String> RESTRICTED = Set.of("host", "content-length", "expect", "connection");
  static TestEngine engine;

  @BeforeAll
  static void start() {
    engine = TestEngine.start();
    engine.adminS3().createBucket(b -> b.bucket("payloads"));
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  static SignedRequest sign(String key, byte[] body, boolean chunked) {
    return sign(SdkHttpMethod.PUT, "/payloads/" + key, body, chunked);
  }

  static SignedRequest sign(SdkHttpMethod method, String path, byte[] body, boolean chunked) {
    SdkHttpRequest unsigned =
        SdkHttpRequest.builder()
            .method(method)
            .uri(URI.create(engine.endpoint() + path))
            .putHeader("Content-Length", String.valueOf(body.length))
            .build();
    return AwsV4HttpSigner.create()
        .sign(
            r ->
                r.request(unsigned)
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .identity(RawRequests.admin())
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                    .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                    .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                    .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, chunked));
  }

  static HttpResponse<String> send(SignedRequest signed, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder out =
        HttpRequest.newBuilder(signed.request().getUri())
            .method(signed.request().method().name(), HttpRequest.BodyPublishers.ofByteArray(body));
    signed
        .request()
        .headers()
        .forEach(
            (name, values) -> {
              if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> out.header(name, v));
              }
            });
    return HTTP.send(out.build(), HttpResponse.BodyHandlers.ofString());
  }

  static byte[] payload(SignedRequest signed) throws IOException {
    try (InputStream in = signed.payload().orElseThrow().newStream()) {
      return in.readAllBytes();
    }
  }

  @Test
  void signedChunksAreVerifiedAndDecoded() throws Exception {
    byte[] data = "chunked and signed ".repeat(5000).getBytes(StandardCharsets.UTF_8);
    SignedRequest signed = sign("good", data, true);
    assertTrue(
        signed
            .request()
            .firstMatchingHeader("x-amz-content-sha256")
            .orElseThrow()
            .startsWith("STREAMING-AWS4-HMAC-SHA256-PAYLOAD"));
    HttpResponse<String> ok = send(signed, payload(signed));
    assertEquals(200, ok.statusCode(), ok.body());
    assertEquals(
        new String(data, StandardCharsets.UTF_8),
        engine.adminS3().getObjectAsBytes(b -> b.bucket("payloads").key("good")).asUtf8String());

    SignedRequest again = sign("bad", data, true);
    byte[] tampered = payload(again);
    tampered[tampered.length / 2] ^= 1;
    HttpResponse<String> refused = send(again, tampered);
    assertEquals(403, refused.statusCode());
    assertTrue(refused.body().contains("<Code>SignatureDoesNotMatch</Code>"), refused.body());
  }

  @Test
  void errorDocumentsNameTheMissingBucketOrKey() throws Exception {
    HttpResponse<String> noKey =
        send(sign(SdkHttpMethod.GET, "/payloads/missing", new byte[0], false), new byte[0]);
    assertEquals(404, noKey.statusCode());
    assertTrue(
        noKey
            .body()
            .contains(
                "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>"
                    + "<Key>missing</Key><Resource>/payloads/missing</Resource><RequestId>"),
        noKey.body());
    assertEquals("application/xml", noKey.headers().firstValue("content-type").orElseThrow());
    assertTrue(noKey.headers().firstValue("x-amz-request-id").isPresent());
    HttpResponse<String> noBucket =
        send(sign(SdkHttpMethod.GET, "/nowhere/k", new byte[0], false), new byte[0]);
    assertTrue(noBucket.body().contains("<BucketName>nowhere</BucketName>"), noBucket.body());
  }

  @Test
  void hexPayloadHashMustMatchTheBody() throws Exception {
    byte[] data = "exact".getBytes(StandardCharsets.UTF_8);
    SignedRequest signed = sign("hex", data, false);
    byte[] other = "exacT".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> refused = send(signed, other);
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("<Code>XAmzContentSHA256Mismatch</Code>"), refused.body());
    assertEquals(200, send(signed, data).statusCode());
    engine.adminS3().putObject(b -> b.bucket("payloads").key("sdk"), RequestBody.fromBytes(data));
  }
}
