package dev.iamkata.backend;

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
 * Calls an iam-kata engine's control API ({@code /_kata/…}), in-process or in another process.
 * Requests are signed with the AWS SDK's own SigV4 signer for the service {@code kata}, so the
 * engine checks them like any AWS call. The CLI ({@code kata clock}) and the backends share it.
 */
public final class ControlClient {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI endpoint;
  private final AccessKeyPair key;

  /**
   * @param endpoint the engine, e.g. {@code http://127.0.0.1:4566}
   * @param key the key to sign with, or null for the unsigned routes (health, clock)
   */
  public ControlClient(URI endpoint, AccessKeyPair key) {
    this.endpoint = endpoint;
    this.key = key;
  }

  /**
   * Calls {@code /_kata/PATH}; {@code form} is an urlencoded body or null.
   *
   * @return the response body
   * @throws ControlException with the engine's status and message when it refuses
   * @throws IOException when nothing answered
   */
  public String call(String method, String path, String form)
      throws IOException, InterruptedException {
    return call(method, path, form, "application/x-www-form-urlencoded");
  }

  /** Like {@link #call(String, String, String)} with a body of the given content type. */
  public String call(String method, String path, String body, String contentType)
      throws IOException, InterruptedException {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    URI uri = endpoint.resolve("/_kata/" + path);
    SdkHttpRequest.Builder request =
        SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
    if (body != null) {
      request.putHeader("Content-Type", contentType);
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
                          .payload(ContentStreamProvider.fromByteArray(bytes))
                          .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "kata")
                          .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
      toSend = signed.request();
    }
    HttpRequest.Builder out =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
    toSend
        .headers()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("host")) {
                values.forEach(v -> out.header(name, v));
              }
            });
    HttpResponse<String> response = HTTP.send(out.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new ControlException(response.statusCode(), response.body());
    }
    return response.body();
  }

  /**
   * Whether an iam-kata engine answers at this endpoint: {@code GET /_kata/health} gives {@code
   * {"status":"ok"}}. Anything else (another emulator's 404, no answer) is false.
   */
  public static boolean isEngine(URI endpoint) throws InterruptedException {
    try {
      return new ControlClient(endpoint, null)
          .call("GET", "health", null)
          .replace(" ", "")
          .contains("\"status\":\"ok\"");
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /** A refusal or failure reported by the engine. */
  public static final class ControlException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;

    ControlException(int status, String body) {
      super("engine answered " + status + ": " + body);
      this.status = status;
    }

    /** The HTTP status the engine answered with. */
    public int status() {
      return status;
    }
  }
}
