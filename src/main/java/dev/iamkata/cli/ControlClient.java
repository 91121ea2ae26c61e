package dev.iamkata.cli;

import dev.iamkata.engine.AccessKeyPair;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Calls a running engine's control API ({@code /_kata/…}). Requests are signed with the AWS SDK's
 * own SigV4 signer for the service {@code kata}, so the engine checks them like any AWS call.
 */
final class ControlClient {
  private final URI endpoint;
  private final AccessKeyPair key;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ControlClient(URI endpoint, AccessKeyPair key) {
    this.endpoint = endpoint;
    this.key = key;
  }

  /** The response body; throws {@link ControlException} with the engine's message on failure. */
  String call(String method, String path, String form) throws IOException, InterruptedException {
    byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
    URI uri = endpoint.resolve("/_kata/" + path);
    SdkHttpRequest.Builder request =
        SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
    if (form != null) {
      request.putHeader("Content-Type", "application/x-www-form-urlencoded");
    }
    SdkHttpRequest unsigned = request.build();
    SdkHttpRequest toSend = unsigned;
    if (key != null) {
      SignedRequest signed =
          AwsV4HttpSigner.create()
              .sign(
                  r ->
                      r.identity(
                              AwsCredentialsIdentity.create(
                                  key.accessKeyId(), key.secretAccessKey()))
                          .request(unsigned)
                          .payload(ContentStreamProvider.fromByteArray(body))
                          .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "kata")
                          .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
      toSend = signed.request();
    }
    HttpRequest.Builder out =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    toSend
        .headers()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("host")) {
                values.forEach(v -> out.header(name, v));
              }
            });
    HttpResponse<String> response = http.send(out.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new ControlException(response.statusCode(), response.body());
    }
    return response.body();
  }

  /** A refusal or failure reported by the engine. */
  static final class ControlException extends IOException {
    private static final long serialVersionUID = 1L;

    ControlException(int status, String body) {
      super("engine answered " + status + ": " + body);
    }
  }
}
