package dev.iamkata.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The instance metadata service at {@code /_imds/INSTANCE_ID/latest/…}: IMDSv2 tokens, the role
 * name and its credentials, which then work against the engine as {@code
 * assumed-role/ROLE/INSTANCE_ID}; the SDK's and the aws CLI's own instance-profile providers find
 * them when pointed at that address.
 */
class InstanceMetadataIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  TestEngine engine;
  IamClient iam;
  Ec2Client ec2;

  @BeforeEach
  void setUp() {
    engine = TestEngine.start();
    iam = engine.adminIam();
    ec2 = engine.ec2(TestEngine.admin());
    iam.createRole(r -> r.roleName("app-role").assumeRolePolicyDocument(LambdaIT.EC2_TRUST));
    iam.createInstanceProfile(b -> b.instanceProfileName("app-profile"));
    iam.addRoleToInstanceProfile(b -> b.instanceProfileName("app-profile").roleName("app-role"));
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  String launch(String profile, HttpTokensState tokens) {
    return ec2.runInstances(
            b -> {
              b.imageId("ami-0123456789abcdef0").minCount(1).maxCount(1);
              if (profile != null) {
                b.iamInstanceProfile(p -> p.name(profile));
              }
              if (tokens != null) {
                b.metadataOptions(o -> o.httpTokens(tokens));
              }
            })
        .instances()
        .get(0)
        .instanceId();
  }

  String base(String instance) {
    return engine.endpoint() + "/_imds/" + instance;
  }

  HttpResponse<String> send(String method, String url, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(b::header);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  String token(String instance) throws Exception {
    HttpResponse<String> r =
        send(
            "PUT",
            base(instance) + "/latest/api/token",
            Map.of("X-aws-ec2-metadata-token-ttl-seconds", "21600"));
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("21600", r.headers().firstValue("X-aws-ec2-metadata-token-ttl-seconds").get());
    return r.body();
  }

  @Test
  void imdsV2CredentialsAreTheRolesSessionNamedAfterTheInstance() throws Exception {
    String instance = launch("app-profile", null);
    Map<String, String> auth = Map.of("X-aws-ec2-metadata-token", token(instance));
    String creds = base(instance) + "/latest/meta-data/iam/security-credentials/";
    HttpResponse<String> role = send("GET", creds, auth);
    assertEquals(200, role.statusCode());
    assertEquals("app-role", role.body());
    HttpResponse<String> r = send("GET", creds + "app-role", auth);
    assertEquals(200, r.statusCode());
    JsonNode c = JSON.readTree(r.body());
    assertEquals("Success", c.path("Code").asText());
    assertEquals("AWS-HMAC", c.path("Type").asText());
    assertTrue(c.path("AccessKeyId").asText().startsWith("ASIA"), r.body());
    Instant updated = Instant.parse(c.path("LastUpdated").asText());
    assertEquals(
        Duration.ofHours(6),
        Duration.between(updated, Instant.parse(c.path("Expiration").asText())));
    GetCallerIdentityResponse me =
        engine
            .sts(
                AwsSessionCredentials.create(
                    c.path("AccessKeyId").asText(),
                    c.path("SecretAccessKey").asText(),
                    c.path("Token").asText()))
            .getCallerIdentity();
    assertEquals(
        "arn:aws:sts::" + TestEngine.ACCOUNT + ":assumed-role/app-role/" + instance, me.arn());
    assertEquals(
        instance, send("GET", base(instance) + "/latest/meta-data/instance-id", auth).body());
    JsonNode info =
        JSON.readTree(send("GET", base(instance) + "/latest/meta-data/iam/info", auth).body());
    assertEquals(
        "arn:aws:iam::" + TestEngine.ACCOUNT + ":instance-profile/app-profile",
        info.path("InstanceProfileArn").asText());
  }

  @Test
  void tokensAreCheckedAndRequiredWhenTheInstanceSaysSo() throws Exception {
    String open = launch("app-profile", null);
    String strict = launch("app-profile", HttpTokensState.REQUIRED);
    String path = "/latest/meta-data/iam/security-credentials/";
    assertEquals(200, send("GET", base(open) + path, Map.of()).statusCode());
    assertEquals(401, send("GET", base(strict) + path, Map.of()).statusCode());
    assertEquals(
        401,
        send("GET", base(strict) + path, Map.of("X-aws-ec2-metadata-token", token(open)))
            .statusCode());
    assertEquals(
        200,
        send("GET", base(strict) + path, Map.of("X-aws-ec2-metadata-token", token(strict)))
            .statusCode());
    assertEquals(400, send("PUT", base(strict) + "/latest/api/token", Map.of()).statusCode());
    assertEquals(
        400,
        send(
                "PUT",
                base(strict) + "/latest/api/token",
                Map.of("X-aws-ec2-metadata-token-ttl-seconds", "21601"))
            .statusCode());
    String shortLived =
        send(
                "PUT",
                base(strict) + "/latest/api/token",
                Map.of("X-aws-ec2-metadata-token-ttl-seconds", "60"))
            .body();
    engine.engine().clock().advance(Duration.ofMinutes(2));
    assertEquals(
        401,
        send("GET", base(strict) + path, Map.of("X-aws-ec2-metadata-token", shortLived))
            .statusCode());
  }

  @Test
  void noProfileTerminatedOrUntrustedRoles() throws Exception {
    String bare = launch(null, null);
    String path = "/latest/meta-data/iam/security-credentials/";
    assertEquals(404, send("GET", base(bare) + path, Map.of()).statusCode());
    assertEquals(
        200, send("GET", base(bare) + "/latest/meta-data/instance-id", Map.of()).statusCode());
    assertEquals(404, send("GET", base("i-0123456789abcdef0") + path, Map.of()).statusCode());
    String withRole = launch("app-profile", null);
    iam.updateAssumeRolePolicy(r -> r.roleName("app-role").policyDocument(LambdaIT.LAMBDA_TRUST));
    JsonNode refused =
        JSON.readTree(send("GET", base(withRole) + path + "app-role", Map.of()).body());
    assertEquals("AssumeRoleUnauthorizedAccess", refused.path("Code").asText());
    assertTrue(refused.path("Message").asText().startsWith("EC2 cannot assume the role app-role."));
    assertEquals(404, send("GET", base(withRole) + path + "other-role", Map.of()).statusCode());
    ec2.terminateInstances(r -> r.instanceIds(withRole));
    assertEquals(404, send("GET", base(withRole) + path, Map.of()).statusCode());
  }

  @Test
  void theSdksInstanceProfileProviderFindsTheCredentials() {
    String instance = launch("app-profile", HttpTokensState.REQUIRED);
    try (InstanceProfileCredentialsProvider provider =
        InstanceProfileCredentialsProvider.builder().endpoint(base(instance)).build()) {
      GetCallerIdentityResponse me = engine.sts(provider.resolveCredentials()).getCallerIdentity();
      assertEquals(
          "arn:aws:sts::" + TestEngine.ACCOUNT + ":assumed-role/app-role/" + instance, me.arn());
    }
  }

  /** The aws CLI with no credentials of its own, its metadata endpoint set to the instance's. */
  @Test
  @Tag("slow")
  void theAwsCliOnTheInstance() throws Exception {
    Assumptions.assumeTrue(
        AwsCli.executable() != null, "no aws executable on PATH: real-CLI tests skipped");
    String instance = launch("app-profile", null);
    Path home = Files.createTempDirectory("kata-imds-home");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(
                  AwsCli.executable().toString(),
                  "sts",
                  "get-caller-identity",
                  "--endpoint-url",
                  engine.endpoint(),
                  "--region",
                  "us-east-1")
              .redirectErrorStream(true);
      Map<String, String> env = pb.environment();
      env.keySet().removeIf(k -> k.startsWith("AWS_"));
      env.put("HOME", home.toString());
      env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
      env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
      env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", base(instance));
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), out);
      assertEquals(
          "arn:aws:sts::" + TestEngine.ACCOUNT + ":assumed-role/app-role/" + instance,
          JSON.readTree(out).path("Arn").asText());
    } finally {
      try (var walk = Files.walk(home)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException e) {
        // a temporary directory left behind is harmless
      }
    }
  }
}
