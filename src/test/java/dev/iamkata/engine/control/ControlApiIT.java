package dev.iamkata.engine.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.EngineConfig;
import dev.iamkata.engine.TestEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * The {@code /_kata/} control API: who may use it, and what clock, snapshot and reset do. Other
 * tests call the API through {@link #call}.
 */
public class ControlApiIT {
  public TestEngine engine;
  IamClient admin;

  @BeforeEach
  void setUp() {
    engine = TestEngine.start();
    admin = engine.adminIam();
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  /** A control request to {@link #engine}, signed by {@code who} unless null. */
  public HttpResponse<String> call(
      String method, String path, byte[] body, AwsCredentialsIdentity who) throws Exception {
    URI uri = URI.create(engine.endpoint() + "/_kata/" + path);
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.fromValue(method))
            .uri(uri)
            .putHeader("Content-Type", "application/x-www-form-urlencoded")
            .build();
    if (who != null) {
      request =
          AwsV4HttpSigner.create()
              .sign(
                  r ->
                      r.request(
                              SdkHttpRequest.builder()
                                  .method(SdkHttpMethod.fromValue(method))
                                  .uri(uri)
                                  .putHeader("Content-Type", "application/x-www-form-urlencoded")
                                  .build())
                          .payload(ContentStreamProvider.fromByteArray(body))
                          .identity(who)
                          .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "kata")
                          .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"))
              .request();
    }
    HttpRequest.Builder out =
        HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    request
        .headers()
        .forEach(
            (n, v) -> {
              if (!n.equalsIgnoreCase("host")) {
                v.forEach(x -> out.header(n, x));
              }
            });
    return HttpClient.newHttpClient().send(out.build(), HttpResponse.BodyHandlers.ofString());
  }

  public static AwsCredentialsIdentity adminIdentity() {
    return AwsCredentialsIdentity.create(
        TestEngine.ADMIN.accessKeyId(), TestEngine.ADMIN.secretAccessKey());
  }

  static byte[] form(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void healthAndClockNeedNoKey() throws Exception {
    assertEquals(200, call("GET", "health", new byte[0], null).statusCode());
    HttpResponse<String> clock = call("GET", "clock", new byte[0], null);
    assertTrue(clock.body().contains("\"offsetSeconds\":0"), clock.body());
  }

  @Test
  void advancingNeedsASignedAdmin() throws Exception {
    HttpResponse<String> unsigned = call("POST", "clock/advance", form("duration=1h"), null);
    assertEquals(403, unsigned.statusCode());
    assertTrue(unsigned.body().contains("MissingAuthenticationToken"), unsigned.body());

    admin.createUser(r -> r.userName("learner"));
    AccessKey key = admin.createAccessKey(r -> r.userName("learner")).accessKey();
    HttpResponse<String> learner =
        call(
            "POST",
            "clock/advance",
            form("duration=1h"),
            AwsCredentialsIdentity.create(key.accessKeyId(), key.secretAccessKey()));
    assertEquals(403, learner.statusCode());
    assertTrue(learner.body().contains("kata:AdvanceClock"), learner.body());

    Instant before = engine.engine().clock().instant();
    HttpResponse<String> ok =
        call("POST", "clock/advance", form("duration=1h30m"), adminIdentity());
    assertEquals(200, ok.statusCode(), ok.body());
    assertTrue(ok.body().contains("\"offsetSeconds\":5400"), ok.body());
    assertTrue(Duration.between(before, engine.engine().clock().instant()).toMinutes() >= 90);

    HttpResponse<String> bad =
        call("POST", "clock/advance", form("duration=soon"), adminIdentity());
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("not a duration"), bad.body());
  }

  @Test
  void snapshotRestoreAndReset() throws Exception {
    admin.createUser(r -> r.userName("kept"));
    byte[] snapshot =
        call("GET", "snapshot", new byte[0], adminIdentity())
            .body()
            .getBytes(StandardCharsets.UTF_8);
    admin.createUser(r -> r.userName("dropped"));
    assertEquals(200, call("POST", "restore", snapshot, adminIdentity()).statusCode());
    var names = admin.listUsers().users().stream().map(u -> u.userName()).toList();
    assertTrue(names.contains("kept") && !names.contains("dropped"), names.toString());

    assertEquals(200, call("POST", "reset", new byte[0], adminIdentity()).statusCode());
    assertEquals(
        java.util.List.of("admin"),
        admin.listUsers().users().stream().map(u -> u.userName()).toList());

    HttpResponse<String> garbage = call("POST", "restore", form("{nope"), adminIdentity());
    assertEquals(400, garbage.statusCode());
    assertEquals(1, admin.listUsers().users().size());
  }

  @Test
  void accountsListTheirAdminKeys() throws Exception {
    HttpResponse<String> r = call("GET", "accounts", new byte[0], adminIdentity());
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains(EngineConfig.SECOND_ACCOUNT), r.body());
    assertTrue(r.body().contains(TestEngine.ADMIN.accessKeyId()), r.body());
    assertEquals(404, call("GET", "nothing-here", new byte[0], null).statusCode());
  }
}
