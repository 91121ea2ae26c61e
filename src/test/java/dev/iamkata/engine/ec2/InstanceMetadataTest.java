package dev.iamkata.engine.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamkata.engine.auth.Sealer;
import dev.iamkata.engine.auth.SessionClaims;
import dev.iamkata.engine.auth.SessionTokens;
import dev.iamkata.engine.authz.Authorizer;
import dev.iamkata.engine.authz.ParsedPolicies;
import dev.iamkata.engine.clock.VirtualClock;
import dev.iamkata.engine.cloudtrail.Trail;
import dev.iamkata.engine.http.HttpRequest;
import dev.iamkata.engine.http.HttpResponse;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.EngineState;
import dev.iamkata.engine.state.InstanceProfile;
import dev.iamkata.engine.state.Role;
import dev.iamkata.engine.sts.ServiceSessions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The metadata service's answers for one instance, without HTTP or an engine around it. */
class InstanceMetadataTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ACCOUNT = "123456789012";
  static final String ID = "i-0123456789abcdef0";
  static final String EC2_TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

  EngineState state = new EngineState();
  VirtualClock clock =
      new VirtualClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
  Sealer sealer = new Sealer(Sealer.newKey());
  SessionTokens tokens = new SessionTokens(sealer);
  InstanceMetadata imds;

  @BeforeEach
  void setUp() throws Exception {
    Account account = new Account(ACCOUNT);
    Role role = new Role();
    role.name = "app-role";
    role.id = "AROAEXAMPLEEXAMPLE01";
    role.arn = "arn:aws:iam::" + ACCOUNT + ":role/app-role";
    role.assumeRolePolicy = EC2_TRUST;
    account.roles.put(Account.key("app-role"), role);
    InstanceProfile profile = new InstanceProfile();
    profile.name = "app-profile";
    profile.id = "AIPAEXAMPLEEXAMPLE01";
    profile.arn = "arn:aws:iam::" + ACCOUNT + ":instance-profile/app-profile";
    profile.roles.add("app-role");
    account.instanceProfiles.put(Account.key("app-profile"), profile);
    state.accounts.put(ACCOUNT, account);
    ParsedPolicies parsed = new ParsedPolicies();
    Ec2Instances instances = new Ec2Instances(state, new Authorizer(state, parsed));
    // an instance as a snapshot holds it, launched with the profile
    instances
        .restore(
            JSON.readTree(
                "{\""
                    + ACCOUNT
                    + "\":{\"us-east-1\":[{\"id\":\""
                    + ID
                    + "\",\"state\":\"running\",\"zone\":\"us-east-1a\",\"type\":\"t3.micro\","
                    + "\"launched\":\"2026-01-01T00:00:00Z\",\"profileArn\":\""
                    + profile.arn
                    + "\",\"profileId\":\"AIPAEXAMPLEEXAMPLE01\","
                    + "\"associationId\":\"iip-assoc-1\"}]}}"),
            state)
        .run();
    imds =
        new InstanceMetadata(
            instances,
            state,
            new ServiceSessions(state, parsed, tokens, new Trail()),
            sealer,
            clock);
  }

  HttpResponse request(String method, String path, Map<String, List<String>> headers) {
    return imds.handle(new HttpRequest(method, path, null, headers, new byte[0], "127.0.0.1"));
  }

  HttpResponse get(String path, Map<String, List<String>> headers) {
    return request("GET", "/_imds/" + ID + path, headers);
  }

  static String body(HttpResponse r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void theCredentialsAreASessionOfTheProfilesRoleNamedAfterTheInstance() throws Exception {
    HttpResponse r = get("/latest/meta-data/iam/security-credentials/app-role", Map.of());
    assertEquals(200, r.status());
    JsonNode c = JSON.readTree(r.body());
    assertEquals("2026-01-01T00:00:00Z", c.path("LastUpdated").asText());
    assertEquals("2026-01-01T06:00:00Z", c.path("Expiration").asText());
    SessionClaims claims = tokens.open(c.path("Token").asText()).orElseThrow();
    assertEquals("app-role", claims.principalName());
    assertEquals(ID, claims.sessionName());
    assertEquals(c.path("AccessKeyId").asText(), claims.accessKeyId());
    assertEquals(c.path("SecretAccessKey").asText(), claims.secretAccessKey());
  }

  @Test
  void aTokenIsBoundToItsInstanceAndExpires() {
    HttpResponse token =
        request(
            "PUT",
            "/_imds/" + ID + "/latest/api/token",
            Map.of("x-aws-ec2-metadata-token-ttl-seconds", List.of("60")));
    assertEquals(200, token.status());
    var auth = Map.of("x-aws-ec2-metadata-token", List.of(body(token)));
    String roles = "/latest/meta-data/iam/security-credentials/";
    assertEquals("app-role", body(get(roles, auth)));
    assertEquals(401, get(roles, Map.of("x-aws-ec2-metadata-token", List.of("forged"))).status());
    clock.advance(Duration.ofSeconds(60));
    assertEquals(401, get(roles, auth).status());
  }

  @Test
  void otherPathsAndMethods() {
    HttpResponse missing = get("/latest/meta-data/nothing", Map.of());
    assertEquals(404, missing.status());
    assertTrue(body(missing).contains("<title>404 - Not Found</title>"), body(missing));
    assertEquals(ID, body(get("/latest/meta-data/instance-id", Map.of())));
    assertEquals("us-east-1", body(get("/latest/meta-data/placement/region", Map.of())));
    assertEquals(404, request("GET", "/_imds/not-an-id/latest/meta-data/", Map.of()).status());
    assertEquals(
        405, request("POST", "/_imds/" + ID + "/latest/meta-data/instance-id", Map.of()).status());
    state.accounts.get(ACCOUNT).instanceProfiles.get(Account.key("app-profile")).roles.clear();
    assertEquals(404, get("/latest/meta-data/iam/security-credentials/", Map.of()).status());
  }
}
