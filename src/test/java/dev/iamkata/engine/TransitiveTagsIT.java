package dev.iamkata.engine;

import static dev.iamkata.engine.AssumeRoleFlowIT.assertError;
import static dev.iamkata.engine.AssumeRoleFlowIT.denied;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * Session tags in a role chain over real HTTP: keys marked transitive reach the chained sessions as
 * {@code aws:PrincipalTag/…} and cannot be overridden there; the others stay behind.
 */
class TransitiveTagsIT {
  static final String ACCOUNT = TestEngine.ACCOUNT;
  static final String ASSUME_AND_TAG =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
          + "[\"sts:AssumeRole\",\"sts:TagSession\"],\"Resource\":\"*\"}]}";

  /** Lists roles only for a session tagged project=alpha. */
  static final String ALPHA_ONLY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
          + "\"iam:ListRoles\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
          + "{\"aws:PrincipalTag/project\":\"alpha\"}}}]}";

  static TestEngine engine;
  static AwsCredentials alice;

  @BeforeAll
  static void setUp() {
    engine = TestEngine.start();
    IamClient admin = engine.adminIam();
    alice = StsIT.user(admin, "alice");
    admin.putUserPolicy(
        r -> r.userName("alice").policyName("assume").policyDocument(ASSUME_AND_TAG));
    StsIT.role(admin, "first", trust(List.of("sts:AssumeRole", "sts:TagSession")));
    policy(admin, "first", "chain", ASSUME_AND_TAG);
    StsIT.role(admin, "second", trust(List.of("sts:AssumeRole", "sts:TagSession")));
    policy(admin, "second", "alpha", ALPHA_ONLY);
    policy(admin, "second", "chain", ASSUME_AND_TAG);
    // trusts sessions, but does not let them set tags
    StsIT.role(admin, "untagged", trust(List.of("sts:AssumeRole")));
  }

  @AfterAll
  static void tearDown() {
    engine.close();
  }

  @Test
  void aTransitiveTagReachesEveryChainedSession() {
    AwsCredentials first = first(true);
    AwsCredentials second = chain(first, "second");
    engine.iam(second).listRoles();
    AwsCredentials third = chain(second, "second");
    engine.iam(third).listRoles();
  }

  @Test
  void aPlainSessionTagStaysInItsSession() {
    AwsCredentials first = first(false);
    AwsCredentials second = chain(first, "second");
    assertError("AccessDenied", denied(() -> engine.iam(second).listRoles()));
  }

  @Test
  void aChainedSessionCannotOverrideAnInheritedTagInAnyCase() {
    AwsCredentials first = first(true);
    AwsServiceException e =
        denied(
            () ->
                engine
                    .sts(first)
                    .assumeRole(
                        request("second")
                            .tags(Tag.builder().key("Project").value("beta").build())
                            .build()));
    assertError("InvalidParameterValue", e);
    assertEquals(400, e.statusCode());
    assertEquals(
        "One of the specified transitive tag keys can't be set because it conflicts with a"
            + " transitive tag key from the calling session.",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void aChainedSessionMayAddOtherTags() {
    AwsCredentials first = first(true);
    AwsCredentials second =
        TestEngine.session(
            engine
                .sts(first)
                .assumeRole(
                    request("second").tags(Tag.builder().key("team").value("kata").build()).build())
                .credentials());
    engine.iam(second).listRoles();
  }

  @Test
  void transitiveKeysMustBeAmongTheRequestedTags() {
    AwsServiceException e =
        denied(
            () ->
                engine
                    .sts(alice)
                    .assumeRole(
                        request("first")
                            .tags(Tag.builder().key("project").value("alpha").build())
                            .transitiveTagKeys("team")
                            .build()));
    assertError("InvalidParameterValue", e);
    assertEquals(
        "The specified transitive tag key must be included in the requested tags.",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void inheritingTagsNeedsTagSessionInTheTrustPolicy() {
    AwsServiceException e = denied(() -> chain(first(true), "untagged"));
    assertError("AccessDenied", e);
    assertTrue(e.awsErrorDetails().errorMessage().contains("sts:TagSession"), e.getMessage());
    AwsCredentials plain = chain(first(false), "untagged");
    assertFalse(engine.sts(plain).getCallerIdentity().arn().isEmpty());
  }

  /** alice's session of role first, tagged project=alpha, transitive or not. */
  static AwsCredentials first(boolean transitive) {
    AssumeRoleRequest.Builder r =
        request("first").tags(Tag.builder().key("project").value("alpha").build());
    if (transitive) {
      r.transitiveTagKeys("project");
    }
    return TestEngine.session(engine.sts(alice).assumeRole(r.build()).credentials());
  }

  static AwsCredentials chain(AwsCredentials from, String role) {
    return TestEngine.session(engine.sts(from).assumeRole(request(role).build()).credentials());
  }

  static AssumeRoleRequest.Builder request(String role) {
    return AssumeRoleRequest.builder()
        .roleArn("arn:aws:iam::" + ACCOUNT + ":role/" + role)
        .roleSessionName("chain");
  }

  static void policy(IamClient admin, String role, String name, String document) {
    admin.putRolePolicy(r -> r.roleName(role).policyName(name).policyDocument(document));
  }

  static String trust(List<String> actions) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
        + "{\"AWS\":\"arn:aws:iam::"
        + ACCOUNT
        + ":root\"},\"Action\":[\""
        + String.join("\",\"", actions)
        + "\"]}]}";
  }
}
