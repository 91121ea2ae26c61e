package dev.iamkata.engine.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.iamkata.engine.api.AwsError;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.CreateGroupRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.ListGroupPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListGroupPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.PutGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutUserPolicyRequest;

class InlinePolicyOpsTest extends IamTestSupport {
  static final String SPACED =
      "{ \"Statement\": [ { \"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\" } ] }";

  @BeforeEach
  void entities() {
    call("CreateUser", CreateUserRequest.builder().userName("Ann").build());
    call("CreateGroup", CreateGroupRequest.builder().groupName("Devs").build());
    call(
        "CreateRole",
        CreateRoleRequest.builder().roleName("App").assumeRolePolicyDocument(TRUST_EC2).build());
  }

  void putRole(String name, String document) {
    call(
        "PutRolePolicy",
        PutRolePolicyRequest.builder()
            .roleName("app")
            .policyName(name)
            .policyDocument(document)
            .build());
  }

  List<String> roleNames() {
    ListRolePoliciesResponse r =
        call("ListRolePolicies", ListRolePoliciesRequest.builder().roleName("app").build());
    assertFalse(r.isTruncated());
    return r.policyNames();
  }

  /** A policy of {@code size} non-whitespace characters. */
  static String ofSize(int size) {
    String head = "{\"Sid\":\"";
    String tail = "\"}";
    return head + "y".repeat(size - head.length() - tail.length()) + tail;
  }

  @Test
  void putGetListDeleteRolePolicies() {
    putRole("second", ALLOW_ALL);
    putRole("first", SPACED);
    GetRolePolicyResponse r =
        call(
            "GetRolePolicy",
            GetRolePolicyRequest.builder().roleName("APP").policyName("FIRST").build());
    assertEquals("App", r.roleName());
    assertEquals("first", r.policyName());
    assertEquals(PolicyDocs.encode(SPACED), r.policyDocument());
    assertEquals(
        "%7B%20%22Statement%22%3A%20%5B%20%7B%20%22Effect%22%3A%20%22Allow%22%2C%20%22Action%22%3A"
            + "%20%22s3%3A%2A%22%2C%20%22Resource%22%3A%20%22%2A%22%20%7D%20%5D%20%7D",
        r.policyDocument());
    assertEquals(List.of("second", "first"), roleNames());
    putRole("Second", SPACED);
    assertEquals(List.of("Second", "first"), roleNames());
    call(
        "DeleteRolePolicy",
        DeleteRolePolicyRequest.builder().roleName("app").policyName("second").build());
    assertEquals(List.of("first"), roleNames());
    fails(
        AwsError.NO_SUCH_ENTITY,
        "The role policy with name second cannot be found.",
        () ->
            call(
                "DeleteRolePolicy",
                DeleteRolePolicyRequest.builder().roleName("app").policyName("second").build()));
  }

  @Test
  void userAndGroupPolicies() {
    call(
        "PutUserPolicy",
        PutUserPolicyRequest.builder()
            .userName("ann")
            .policyName("p")
            .policyDocument(ALLOW_ALL)
            .build());
    call(
        "PutGroupPolicy",
        PutGroupPolicyRequest.builder()
            .groupName("devs")
            .policyName("g")
            .policyDocument(ALLOW_ALL)
            .build());
    GetUserPolicyResponse u =
        call(
            "GetUserPolicy",
            GetUserPolicyRequest.builder().userName("ann").policyName("p").build());
    assertEquals("Ann", u.userName());
    GetGroupPolicyResponse g =
        call(
            "GetGroupPolicy",
            GetGroupPolicyRequest.builder().groupName("devs").policyName("g").build());
    assertEquals("Devs", g.groupName());
    assertEquals(PolicyDocs.encode(ALLOW_ALL), g.policyDocument());
    ListUserPoliciesResponse ul =
        call("ListUserPolicies", ListUserPoliciesRequest.builder().userName("ann").build());
    assertEquals(List.of("p"), ul.policyNames());
    ListGroupPoliciesResponse gl =
        call("ListGroupPolicies", ListGroupPoliciesRequest.builder().groupName("devs").build());
    assertEquals(List.of("g"), gl.policyNames());
    fails(
        AwsError.NO_SUCH_ENTITY,
        "The user policy with name q cannot be found.",
        () ->
            call(
                "GetUserPolicy",
                GetUserPolicyRequest.builder().userName("ann").policyName("q").build()));
    fails(
        AwsError.NO_SUCH_ENTITY,
        "The group policy with name q cannot be found.",
        () ->
            call(
                "GetGroupPolicy",
                GetGroupPolicyRequest.builder().groupName("devs").policyName("q").build()));
  }

  @Test
  void inlinePoliciesAreValidated() {
    fails(AwsError.MALFORMED_POLICY_DOCUMENT, "Syntax errors in policy.", () -> putRole("p", "{"));
    fails(
        AwsError.NO_SUCH_ENTITY,
        "The user with name nobody cannot be found.",
        () ->
            call(
                "PutUserPolicy",
                PutUserPolicyRequest.builder()
                    .userName("nobody")
                    .policyName("p")
                    .policyDocument(ALLOW_ALL)
                    .build()));
  }

  @Test
  void sizeQuotasCountAllInlinePoliciesWithoutWhitespace() {
    putRole("a", ofSize(6000));
    putRole("b", ofSize(4240) + "   \n\t ");
    fails(
        AwsError.LIMIT_EXCEEDED,
        "Maximum policy size of 10240 bytes exceeded for role App",
        () -> putRole("c", ofSize(10)));
    putRole("b", ofSize(4000));
    putRole("c", ofSize(240));

    call(
        "PutUserPolicy",
        PutUserPolicyRequest.builder()
            .userName("ann")
            .policyName("p")
            .policyDocument(ofSize(2048))
            .build());
    fails(
        AwsError.LIMIT_EXCEEDED,
        "Maximum policy size of 2048 bytes exceeded for user Ann",
        () ->
            call(
                "PutUserPolicy",
                PutUserPolicyRequest.builder()
                    .userName("ann")
                    .policyName("q")
                    .policyDocument(ofSize(10))
                    .build()));
    fails(
        AwsError.LIMIT_EXCEEDED,
        "Maximum policy size of 5120 bytes exceeded for group Devs",
        () ->
            call(
                "PutGroupPolicy",
                PutGroupPolicyRequest.builder()
                    .groupName("devs")
                    .policyName("g")
                    .policyDocument(ofSize(5121))
                    .build()));
  }
}
