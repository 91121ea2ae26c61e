package dev.iamkata.engine.auth.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Requests signed by the AWS SDK for Java v2's own SigV4 signer, the one the project's SDK clients
 * use, must verify here unchanged.
 */
class SdkSignerCrossCheckTest {
  static final Instant NOW = Instant.parse("2024-03-14T09:26:53Z");
  static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  static final AwsCredentialsIdentity KEY =
      AwsCredentialsIdentity.create("AKIAIOSFODNN7EXAMPLE", SECRET);
  static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

  /** Signs with the SDK at {@link #NOW} and returns what a server would receive. */
  static SignedRequest sdkSigned(
      SdkHttpRequest request,
      String body,
      AwsCredentialsIdentity identity,
      String service,
      Consumer<SignRequest.Builder<AwsCredentialsIdentity>> properties) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    SdkHttpRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r -> {
                  r.identity(identity)
                      .request(request)
                      .payload(ContentStreamProvider.fromByteArray(bytes))
                      .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                      .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                      .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC));
                  properties.accept(r);
                })
            .request();
    URI uri = signed.getUri();
    Map<String, List<String>> headers = new LinkedHashMap<>(signed.headers());
    // The HTTP client sends Host even when the signer did not add it to the request.
    headers.putIfAbsent(
        "Host", List.of(uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())));
    String payload =
        signed.firstMatchingHeader("x-amz-content-sha256").orElse(SignedRequest.sha256Hex(bytes));
    return new SignedRequest(
        signed.method().name(), uri.getRawPath(), uri.getRawQuery(), headers, payload);
  }

  static SdkHttpRequest.Builder https(SdkHttpMethod method, String host) {
    return SdkHttpRequest.builder().method(method).protocol("https").host(host);
  }

  static SigV4Auth assertVerifies(SignedRequest request, String service, boolean s3) {
    SigV4Auth auth = SigV4Parser.parse(request);
    Verification verification = SigV4Verifier.verify(request, auth, SECRET, s3);
    assertTrue(verification.matches(), verification.canonicalRequest());
    assertEquals(Optional.empty(), SigV4Verifier.checkTime(auth, NOW, s3));
    assertEquals(Optional.empty(), SigV4Verifier.checkScope(auth, service, "us-east-1"::equals));
    return auth;
  }

  @Test
  void stsFormPost() {
    String body = "Action=GetCallerIdentity&Version=2011-06-15";
    SdkHttpRequest request =
        https(SdkHttpMethod.POST, "sts.amazonaws.com")
            .encodedPath("/")
            .putHeader("Content-Type", FORM)
            .build();

    assertVerifies(sdkSigned(request, body, KEY, "sts", r -> {}), "sts", false);
  }

  @Test
  void iamWithSessionTokenToALocalEndpoint() {
    AwsSessionCredentialsIdentity session =
        AwsSessionCredentialsIdentity.create("ASIAIOSFODNN7EXAMPLE", SECRET, "tok/en+==");
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(URI.create("http://127.0.0.1:4566/"))
            .putHeader("Content-Type", FORM)
            .build();

    SigV4Auth auth =
        assertVerifies(
            sdkSigned(request, "Action=ListUsers&Version=2010-05-08", session, "iam", r -> {}),
            "iam",
            false);
    assertEquals(Optional.of("tok/en+=="), auth.securityToken());
  }

  @Test
  void presignedGetCallerIdentity() {
    AwsSessionCredentialsIdentity session =
        AwsSessionCredentialsIdentity.create("ASIAIOSFODNN7EXAMPLE", SECRET, "tok/en+==");
    SdkHttpRequest request =
        https(SdkHttpMethod.GET, "sts.amazonaws.com")
            .encodedPath("/")
            .putRawQueryParameter("Action", "GetCallerIdentity")
            .putRawQueryParameter("Version", "2011-06-15")
            .build();

    SigV4Auth auth =
        assertVerifies(
            sdkSigned(
                request,
                "",
                session,
                "sts",
                r ->
                    r.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(15))),
            "sts",
            false);
    assertTrue(auth.presigned());
    assertEquals(Optional.of("900"), auth.expires());
  }

  @Test
  void lambdaPathEscapesAreSignedEncodedTwice() {
    SdkHttpRequest request =
        https(SdkHttpMethod.GET, "lambda.us-east-1.amazonaws.com")
            .encodedPath(
                "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012"
                    + "%3Afunction%3Amy-fn/configuration")
            .putRawQueryParameter("Qualifier", "$LATEST")
            .build();

    assertVerifies(sdkSigned(request, "", KEY, "lambda", r -> {}), "lambda", false);
  }

  @Test
  void s3KeysAreSignedEncodedOnce() {
    SdkHttpRequest request =
        https(SdkHttpMethod.PUT, "examplebucket.s3.amazonaws.com")
            .encodedPath("/photos/2024/my%20photo%20%2B%20%24%26.jpg")
            .putHeader("Content-Type", "image/jpeg")
            .build();

    assertVerifies(
        sdkSigned(
            request,
            "hello",
            KEY,
            "s3",
            r ->
                r.putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)),
        "s3",
        true);
  }
}
