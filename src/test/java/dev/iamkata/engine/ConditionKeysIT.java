package dev.iamkata.engine;

import static dev.iamkata.engine.AssumeRoleFlowIT.assertError;
import static dev.iamkata.engine.AssumeRoleFlowIT.denied;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Operation condition keys over real HTTP: a delegated administrator who may only attach one
 * policy, only create roles with a given permissions boundary, only tag with a given team, and only
 * touch roles of that team.
 */
class ConditionKeysIT {
  static final String ACCOUNT = TestEngine.ACCOUNT;
  static final String BOUNDARY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
  static final String DELEGATE_POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":["
          + "{\"Effect\":\"Allow\",\"Action\":[\"iam:AttachRolePolicy\",\"iam:DetachRolePolicy\"],"
          + "\"Resource\":\"*\",\"Condition\":{\"ArnEquals\":{\"iam:PolicyARN\":"
          + "\"arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess\"}}},"
          + "{\"Effect\":\"Allow\",\"Action\":\"iam:CreateRole\",\"Resource\":\"*\",\"Condition\":"
          + "{\"StringEquals\":{\"iam:PermissionsBoundary\":\""
          + BOUNDARY
          + "\","
          + "\"aws:RequestTag/team\":\"kata\"},"
          + "\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\"]}}},"
          + "{\"Effect\":\"Allow\",\"Action\":\"iam:UpdateRoleDescription\",\"Resource\":\"*\","
          + "\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/team\":\"kata\"}}}]}";
  static final String TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
          + "{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

  static TestEngine engine;
  static IamClient admin;
  static IamClient delegate;

  @BeforeAll
  static void setUp() {
    engine = TestEngine.start();
    admin = engine.adminIam();
    delegate = engine.iam(StsIT.user(admin, "delegate"));
    admin.putUserPolicy(
        r -> r.userName("delegate").policyName("delegate").policyDocument(DELEGATE_POLICY));
    admin.createRole(r -> r.roleName("other-team").assumeRolePolicyDocument(TRUST));
  }

  @AfterAll
  static void tearDown() {
    engine.close();
  }

  @Test
  void onlyTheNamedPolicyMayBeAttached() {
    admin.createRole(r -> r.roleName("app").assumeRolePolicyDocument(TRUST));
    delegate.attachRolePolicy(
        r -> r.roleName("app").policyArn("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
    assertError(
        "AccessDenied",
        denied(
            () ->
                delegate.attachRolePolicy(
                    r -> r.roleName("app").policyArn("arn:aws:iam::aws:policy/IAMFullAccess"))));
  }

  @Test
  void rolesMustCarryTheBoundaryAndTheTeamTag() {
    assertError(
        "AccessDenied",
        denied(() -> delegate.createRole(r -> r.roleName("free").assumeRolePolicyDocument(TRUST))));
    assertError(
        "AccessDenied",
        denied(
            () ->
                delegate.createRole(
                    r ->
                        r.roleName("untagged")
                            .assumeRolePolicyDocument(TRUST)
                            .permissionsBoundary(BOUNDARY))));
    assertError(
        "AccessDenied",
        denied(
            () ->
                delegate.createRole(
                    r ->
                        r.roleName("extra-tag")
                            .assumeRolePolicyDocument(TRUST)
                            .permissionsBoundary(BOUNDARY)
                            .tags(
                                t -> t.key("team").value("kata"),
                                t -> t.key("cost").value("free")))));
    delegate.createRole(
        r ->
            r.roleName("bounded")
                .assumeRolePolicyDocument(TRUST)
                .permissionsBoundary(BOUNDARY)
                .tags(t -> t.key("team").value("kata")));
    delegate.updateRoleDescription(r -> r.roleName("bounded").description("ok"));
    assertError(
        "AccessDenied",
        denied(
            () -> delegate.updateRoleDescription(r -> r.roleName("other-team").description("no"))));
  }

  @Test
  void changingAnExistingRoleCarriesItsBoundary() {
    IamClient lead = engine.iam(StsIT.user(admin, "lead"));
    admin.putUserPolicy(
        r ->
            r.userName("lead")
                .policyName("bounded-only")
                .policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":[\"iam:PutRolePolicy\",\"iam:AttachRolePolicy\"],"
                        + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
                        + "{\"iam:PermissionsBoundary\":\""
                        + BOUNDARY
                        + "\"}}}]}"));
    admin.createRole(
        r -> r.roleName("capped").assumeRolePolicyDocument(TRUST).permissionsBoundary(BOUNDARY));
    admin.createRole(r -> r.roleName("uncapped").assumeRolePolicyDocument(TRUST));
    String adminPolicy = "arn:aws:iam::aws:policy/AdministratorAccess";
    lead.attachRolePolicy(r -> r.roleName("capped").policyArn(adminPolicy));
    assertError(
        "AccessDenied",
        denied(() -> lead.attachRolePolicy(r -> r.roleName("uncapped").policyArn(adminPolicy))));
    String inline =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
    lead.putRolePolicy(r -> r.roleName("capped").policyName("s3").policyDocument(inline));
    assertError(
        "AccessDenied",
        denied(
            () ->
                lead.putRolePolicy(
                    r -> r.roleName("uncapped").policyName("s3").policyDocument(inline))));
  }
}
