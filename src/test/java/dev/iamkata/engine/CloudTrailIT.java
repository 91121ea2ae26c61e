package dev.iamkata.engine;

import static dev.iamkata.engine.AssumeRoleFlowIT.assertError;
import static dev.iamkata.engine.AssumeRoleFlowIT.denied;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.sts.model.Credentials;

/** CloudTrail over real HTTP: the assumed-role ARN behind each call, errors, filters, paging. */
class CloudTrailIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ACCOUNT = TestEngine.ACCOUNT;
  static TestEngine engine;
  static CloudTrailClient trail;
  static Credentials session;

  @BeforeAll
  static void setUp() {
    engine = TestEngine.start();
    var admin = engine.adminIam();
    AwsCredentials alice = StsIT.user(admin, "alice");
    admin.putUserPolicy(
        r -> r.userName("alice").policyName("assume").policyDocument(StsIT.ALLOW_ALL_ASSUME));
    StsIT.role(admin, "dev-role", StsIT.trustUser(ACCOUNT, "alice"));
    session =
        engine
            .sts(alice)
            .assumeRole(
                r -> r.roleArn(StsIT.arn(ACCOUNT, "dev-role")).roleSessionName("dev-session"))
            .credentials();
    AwsCredentials asRole = TestEngine.session(session);
    engine.sts(asRole).getCallerIdentity();
    denied(() -> engine.iam(asRole).listUsers());
    engine.engine().clock().advance(Duration.ofMinutes(30));
    engine.sts(asRole).getCallerIdentity();
    trail = engine.cloudTrail(TestEngine.admin());
  }

  @AfterAll
  static void tearDown() {
    engine.close();
  }

  static List<Event> byKey() {
    return trail
        .lookupEvents(
            r ->
                r.lookupAttributes(
                    a ->
                        a.attributeKey(LookupAttributeKey.ACCESS_KEY_ID)
                            .attributeValue(session.accessKeyId())))
        .events();
  }

  @Test
  void theSessionsCallsCarryTheAssumedRoleArn() throws Exception {
    List<Event> events = byKey();
    assertEquals(3, events.size(), events.toString());
    assertEquals("GetCallerIdentity", events.get(0).eventName());
    assertEquals("dev-session", events.get(0).username());
    assertTrue(events.get(0).eventTime().isAfter(events.get(2).eventTime().plusSeconds(29 * 60)));
    JsonNode record = JSON.readTree(events.get(1).cloudTrailEvent());
    assertEquals("ListUsers", record.path("eventName").asText());
    assertEquals("iam.amazonaws.com", record.path("eventSource").asText());
    assertEquals("AccessDenied", record.path("errorCode").asText());
    JsonNode identity = record.path("userIdentity");
    assertEquals("AssumedRole", identity.path("type").asText());
    assertEquals(
        "arn:aws:sts::" + ACCOUNT + ":assumed-role/dev-role/dev-session",
        identity.path("arn").asText());
    assertEquals(
        "arn:aws:iam::" + ACCOUNT + ":role/dev-role",
        identity.at("/sessionContext/sessionIssuer/arn").asText());
    assertTrue(identity.path("principalId").asText().endsWith(":dev-session"));
  }

  @Test
  void filtersTimeRangesAndPages() {
    var assumeEvents =
        trail
            .lookupEvents(
                r ->
                    r.lookupAttributes(
                        a ->
                            a.attributeKey(LookupAttributeKey.EVENT_NAME)
                                .attributeValue("AssumeRole")))
            .events();
    assertEquals(1, assumeEvents.size());
    assertEquals("alice", assumeEvents.get(0).username());

    Instant now = engine.engine().clock().instant();
    var recent = trail.lookupEvents(r -> r.startTime(now.minusSeconds(60)).endTime(now)).events();
    assertTrue(recent.stream().allMatch(e -> e.eventTime().isAfter(now.minusSeconds(61))));

    var first = trail.lookupEvents(r -> r.maxResults(2));
    assertEquals(2, first.events().size());
    var second = trail.lookupEvents(r -> r.maxResults(2).nextToken(first.nextToken()));
    assertTrue(!second.events().isEmpty());
    assertTrue(!second.events().get(0).eventId().equals(first.events().get(0).eventId()));

    assertError(
        "InvalidLookupAttributesException",
        denied(
            () ->
                trail.lookupEvents(
                    r ->
                        r.lookupAttributes(
                            a -> a.attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("x"),
                            a ->
                                a.attributeKey(LookupAttributeKey.USERNAME).attributeValue("y")))));
  }

  @Test
  void anotherAccountSeesNoneOfIt() {
    var other = engine.engine().adminKey(EngineConfig.SECOND_ACCOUNT);
    CloudTrailClient otherTrail =
        engine.cloudTrail(AwsBasicCredentials.create(other.accessKeyId(), other.secretAccessKey()));
    assertTrue(
        otherTrail.lookupEvents().events().stream()
            .noneMatch(e -> session.accessKeyId().equals(e.accessKeyId())));
  }
}
