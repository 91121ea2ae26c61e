package dev.iamkata.engine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Hand-made requests signed by the AWS SDK's own SigV4 signer, for the cases an SDK client never
 * produces: a skewed clock, a presigned URL, the wrong region, no signature at all, and the
 * engine's control API.
 */
final class RawRequests {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** How to sign: who, for which service and region, by which clock. */
  record Signing(AwsCredentialsIdentity identity, String service, String region, Clock clock) {
    Signing at(Clock other) {
      return new Signing(identity, service, region, other);
    }
  }

  private RawRequests() {}

  static AwsCredentialsIdentity admin() {
    return AwsCredentialsIdentity.create(
        TestEngine.ADMIN.accessKeyId(), TestEngine.ADMIN.secretAccessKey());
  }

  /** The admin signing for {@code service} in {@code region} now. */
  static Signing as(String service, String region) {
    return new Signing(admin(), service, region, Clock.systemUTC());
  }

  /** A form POST to {@code url}, signed unless {@code signing} is null. */
  static HttpResponse<String> post(String url, String form, Signing signing)
      throws IOException, InterruptedException {
    byte[] body = form.getBytes(StandardCharsets.UTF_8);
    SdkHttpRequest unsigned =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(URI.create(url))
            .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
            .build();
    SdkHttpRequest request = unsigned;
    if (signing != null) {
      request =
          AwsV4HttpSigner.create()
              .sign(
                  r ->
                      r.request(unsigned)
                          .payload(ContentStreamProvider.fromByteArray(body))
                          .identity(signing.identity())
                          .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signing.service())
                          .putProperty(AwsV4HttpSigner.REGION_NAME, signing.region())
                          .putProperty(HttpSigner.SIGNING_CLOCK, signing.clock()))
              .request();
    }
    return send(request, body);
  }

  /** A GET whose signature is in the query string (a presigned URL). */
  static HttpResponse<String> presignedGet(String url, Signing signing)
      throws IOException, InterruptedException {
    SdkHttpRequest request =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.request(
                            SdkHttpRequest.builder()
                                .method(SdkHttpMethod.GET)
                                .uri(URI.create(url))
                                .build())
                        .identity(signing.identity())
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signing.service())
                        .putProperty(AwsV4HttpSigner.REGION_NAME, signing.region())
                        .putProperty(HttpSigner.SIGNING_CLOCK, signing.clock())
                        .putProperty(
                            AwsV4HttpSigner.AUTH_LOCATION,
                            AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING))
            .request();
    return send(request, new byte[0]);
  }

  /** An unsigned GET. */
  static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> send(SdkHttpRequest request, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder out =
        HttpRequest.newBuilder(request.getUri())
            .method(request.method().name(), HttpRequest.BodyPublishers.ofByteArray(body));
    request
        .headers()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                values.forEach(v -> out.header(name, v));
              }
            });
    return HTTP.send(out.build(), HttpResponse.BodyHandlers.ofString());
  }
}
