package dev.iamkata.backend;

import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.engine.Engine;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
  private final Engine local;

  /**
   * @param endpoint the engine, e.g. {@code http://127.0.0.1:4566}
   * @param key the key to sign with, or null for the unsigned routes (health, clock)
   */
  public ControlClient(URI endpoint, AccessKeyPair key) {
    this(endpoint, key, null);
  }

  private ControlClient(URI endpoint, AccessKeyPair key, Engine local) {
    this.endpoint = endpoint;
    this.key = key;
    this.local = local;
  }

  /**
   * Calls {@code engine}, which runs in this process, without HTTP: the signed request goes
   * straight into the engine's pipeline, so it is checked as on the port, minus the socket, the
   * HTTP client's threads and the parsing (a workshop calls its engine hundreds of times a second).
   */
  public static ControlClient inProcess(Engine engine, AccessKeyPair key) {
    return new ControlClient(URI.create(engine.endpoint()), key, engine);
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
    if (local != null) {
      return callLocal(method, uri, toSend, bytes);
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

  private String callLocal(String method, URI uri, SdkHttpRequest signed, byte[] body)
      throws ControlException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    signed.headers().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
    var response =
        local.handle(
            new dev.iamkata.engine.http.HttpRequest(
                method, uri.getRawPath(), uri.getRawQuery(), headers, body, "127.0.0.1"));
    String text = new String(response.body(), StandardCharsets.UTF_8);
    if (response.status() >= 300) {
      throw new ControlException(response.status(), text);
    }
    return text;
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
