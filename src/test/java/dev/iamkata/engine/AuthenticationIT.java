package dev.iamkata.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Authentication failures exactly as the query services send them, over raw HTTP. */
class AuthenticationIT {
  static final String WHO = "Action=GetCallerIdentity&Version=2011-06-15";
  static final RawRequests.Signing STS = RawRequests.as("sts", "us-east-1");
  static TestEngine engine;

  static String root() {
    return engine.endpoint() + "/";
  }

  @BeforeAll
  static void setUp() {
    engine = TestEngine.start();
  }

  @AfterAll
  static void tearDown() {
    engine.close();
  }

  static Clock skewed(Duration by) {
    return Clock.offset(Clock.systemUTC(), by);
  }

  static void assertError(HttpResponse<String> r, int status, String code, String message) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.body().contains("<Code>" + code + "</Code>"), r.body());
    assertTrue(r.body().contains("<Message>" + message), r.body());
    assertTrue(
        r.body().startsWith("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"),
        r.body());
  }

  @Test
  void aSignedRequestSucceeds() throws Exception {
    HttpResponse<String> r = RawRequests.post(root(), WHO, STS);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("<Arn>arn:aws:iam::123456789012:user/admin</Arn>"), r.body());
    assertTrue(r.body().contains("<GetCallerIdentityResult>"), r.body());
  }

  @Test
  void anUnsignedRequestIsMissingItsToken() throws Exception {
    assertError(
        RawRequests.post(root(), WHO, null),
        403,
        "MissingAuthenticationToken",
        "Request is missing Authentication Token");
  }

  @Test
  void requestsOlderOrNewerThanFifteenMinutesAreRefused() throws Exception {
    assertError(
        RawRequests.post(root(), WHO, STS.at(skewed(Duration.ofMinutes(-16)))),
        403,
        "SignatureDoesNotMatch",
        "Signature expired: ");
    assertError(
        RawRequests.post(root(), WHO, STS.at(skewed(Duration.ofMinutes(16)))),
        403,
        "SignatureDoesNotMatch",
        "Signature not yet current: ");
    assertEquals(
        200, RawRequests.post(root(), WHO, STS.at(skewed(Duration.ofMinutes(-14)))).statusCode());
  }

  @Test
  void advancingTheVirtualClockDoesNotSkewSignatures() throws Exception {
    try (TestEngine own = TestEngine.start()) {
      own.engine().clock().advance(Duration.ofHours(5));
      assertEquals(200, RawRequests.post(own.endpoint() + "/", WHO, STS).statusCode());
    }
  }

  @Test
  void iamOnlyAcceptsItsGlobalRegion() throws Exception {
    HttpResponse<String> r =
        RawRequests.post(
            root(), "Action=ListUsers&Version=2010-05-08", RawRequests.as("iam", "us-west-2"));
    assertEquals(403, r.statusCode(), r.body());
    assertTrue(
        r.body()
            .contains(
                "<Message>Credential should be scoped to a valid region, not 'us-west-2'. </Message>"),
        r.body());
  }

  @Test
  void presignedUrlsWork() throws Exception {
    HttpResponse<String> r = RawRequests.presignedGet(root() + "?" + WHO, STS);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("user/admin"), r.body());
  }

  @Test
  void unknownOperationsAndServices() throws Exception {
    HttpResponse<String> r = RawRequests.post(root(), "Action=Nope&Version=2011-06-15", STS);
    assertError(r, 400, "InvalidAction", "Could not find operation Nope for version 2011-06-15");
  }
}
