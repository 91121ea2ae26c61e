package dev.iamkata.engine.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.api.AwsError;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AttachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.CreateGroupRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedGroupPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedGroupPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyRequest;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.PolicyRole;
import software.amazon.awssdk.services.iam.model.PolicyUsageType;
import software.amazon.awssdk.services.iam.model.PolicyUser;
import software.amazon.awssdk.services.iam.model.PutRolePermissionsBoundaryRequest;

class AttachmentOpsTest extends IamTestSupport {

  @BeforeEach
  void entities() {
    call("CreateUser", CreateUserRequest.builder().userName("ann").build());
    call("CreateGroup", CreateGroupRequest.builder().groupName("devs").build());
    call(
        "CreateRole",
        CreateRoleRequest.builder().roleName("app").assumeRolePolicyDocument(TRUST_EC2).build());
    call(
        "CreateRole",
        CreateRoleRequest.builder()
            .roleName("batch")
            .path("/jobs/")
            .assumeRolePolicyDocument(TRUST_EC2)
            .build());
  }

  void attachRole(String role, String arn) {
    call(
        "AttachRolePolicy",
        AttachRolePolicyRequest.builder().roleName(role).policyArn(arn).build());
  }

  String local(String name, String path) {
    call(
        "CreatePolicy",
        CreatePolicyRequest.builder()
            .policyName(name)
            .path(path)
            .policyDocument(ALLOW_ALL)
            .build());
    return "arn:aws:iam::123456789012:policy" + (path == null ? "/" : path) + name;
  }

  List<AttachedPolicy> roleAttached(String role, String prefix) {
    ListAttachedRolePoliciesResponse r =
        call(
            "ListAttachedRolePolicies",
            ListAttachedRolePoliciesRequest.builder().roleName(role).pathPrefix(prefix).build());
    assertFalse(r.isTruncated());
    return r.attachedPolicies();
  }

  @Test
  void attachAwsAndLocalPoliciesAndListThemInAttachmentOrder() {
    String mine = local("Mine", "/team/");
    attachRole("app", READ_ONLY_ARN);
    attachRole("APP", mine);
    attachRole("app", READ_ONLY_ARN);
    assertEquals(
        List.of(
            AttachedPolicy.builder().policyName("ReadOnlyAccess").policyArn(READ_ONLY_ARN).build(),
            AttachedPolicy.builder().policyName("Mine").policyArn(mine).build()),
        roleAttached("app", null));
    assertEquals(
        List.of("Mine"),
        roleAttached("app", "/team/").stream().map(AttachedPolicy::policyName).toList());
    GetPolicyResponse p =
        call("GetPolicy", GetPolicyRequest.builder().policyArn(READ_ONLY_ARN).build());
    assertEquals(1, p.policy().attachmentCount());
  }

  @Test
  void usersAndGroupsToo() {
    call(
        "AttachUserPolicy",
        AttachUserPolicyRequest.builder().userName("ann").policyArn(ADMIN_ARN).build());
    call(
        "AttachGroupPolicy",
        AttachGroupPolicyRequest.builder().groupName("devs").policyArn(ADMIN_ARN).build());
    ListAttachedUserPoliciesResponse u =
        call(
            "ListAttachedUserPolicies",
            ListAttachedUserPoliciesRequest.builder().userName("ann").build());
    assertEquals(
        List.of(ADMIN_ARN), u.attachedPolicies().stream().map(AttachedPolicy::policyArn).toList());
    ListAttachedGroupPoliciesResponse g =
        call(
            "ListAttachedGroupPolicies",
            ListAttachedGroupPoliciesRequest.builder().groupName("devs").build());
    assertEquals(
        List.of(ADMIN_ARN), g.attachedPolicies().stream().map(AttachedPolicy::policyArn).toList());
    GetPolicyResponse p =
        call("GetPolicy", GetPolicyRequest.builder().policyArn(ADMIN_ARN).build());
    assertEquals(2, p.policy().attachmentCount());
  }

  @Test
  void attachErrors() {
    String missing = "arn:aws:iam::123456789012:policy/Missing";
    fails(
        AwsError.NO_SUCH_ENTITY,
        "Policy " + missing + " does not exist or is not attachable.",
        () -> attachRole("app", missing));
    fails(
        AwsError.NO_SUCH_ENTITY,
        "Policy " + SERVICE_ROLE_ARN + " does not exist or is not attachable.",
        () -> attachRole("app", SERVICE_ROLE_ARN));
    fails(
        AwsError.NO_SUCH_ENTITY,
        "Policy arn:aws:iam::999999999999:policy/Theirs does not exist or is not attachable.",
        () -> attachRole("app", "arn:aws:iam::999999999999:policy/Theirs"));
    fails(
        AwsError.INVALID_INPUT,
        "ARN arn:aws:iam::123456789012:role/app is not valid.",
        () -> attachRole("app", "arn:aws:iam::123456789012:role/app"));
    fails(
        AwsError.NO_SUCH_ENTITY,
        "The role with name ghost cannot be found.",
        () -> attachRole("ghost", ADMIN_ARN));
  }

  @Test
  void atMostTenManagedPoliciesPerEntity() {
    for (int i = 0; i < 10; i++) {
      attachRole("app", local("p" + i, null));
    }
    String eleventh = local("p10", null);
    fails(
        AwsError.LIMIT_EXCEEDED,
        "Cannot exceed quota for PoliciesPerRole: 10",
        () -> attachRole("app", eleventh));
    attachRole("app", "arn:aws:iam::123456789012:policy/p3");
    fails(
        AwsError.LIMIT_EXCEEDED,
        "Cannot exceed quota for PoliciesPerUser: 10",
        () -> {
          for (int i = 0; i <= 10; i++) {
            call(
                "AttachUserPolicy",
                AttachUserPolicyRequest.builder()
                    .userName("ann")
                    .policyArn("arn:aws:iam::123456789012:policy/p" + i)
                    .build());
          }
        });
  }

  @Test
  void detach() {
    attachRole("app", ADMIN_ARN);
    call(
        "DetachRolePolicy",
        DetachRolePolicyRequest.builder().roleName("app").policyArn(ADMIN_ARN).build());
    assertEquals(List.of(), roleAttached("app", null));
    fails(
        AwsError.NO_SUCH_ENTITY,
        "Policy " + ADMIN_ARN + " was not found.",
        () ->
            call(
                "DetachRolePolicy",
                DetachRolePolicyRequest.builder().roleName("app").policyArn(ADMIN_ARN).build()));
  }

  @Test
  void listEntitiesForPolicy() {
    attachRole("batch", ADMIN_ARN);
    call(
        "AttachUserPolicy",
        AttachUserPolicyRequest.builder().userName("ann").policyArn(ADMIN_ARN).build());
    call(
        "AttachGroupPolicy",
        AttachGroupPolicyRequest.builder().groupName("devs").policyArn(ADMIN_ARN).build());
    call(
        "PutRolePermissionsBoundary",
        PutRolePermissionsBoundaryRequest.builder()
            .roleName("app")
            .permissionsBoundary(ADMIN_ARN)
            .build());

    ListEntitiesForPolicyResponse all =
        call(
            "ListEntitiesForPolicy",
            ListEntitiesForPolicyRequest.builder().policyArn(ADMIN_ARN).build());
    assertEquals(List.of("devs"), all.policyGroups().stream().map(g -> g.groupName()).toList());
    assertEquals(List.of("ann"), all.policyUsers().stream().map(PolicyUser::userName).toList());
    assertEquals(
        List.of("app", "batch"), all.policyRoles().stream().map(PolicyRole::roleName).toList());
    assertTrue(all.policyRoles().get(0).roleId().startsWith("AROA"));
    assertFalse(all.isTruncated());

    ListEntitiesForPolicyResponse attachedRoles =
        call(
            "ListEntitiesForPolicy",
            ListEntitiesForPolicyRequest.builder()
                .policyArn(ADMIN_ARN)
                .entityFilter(EntityType.ROLE)
                .policyUsageFilter(PolicyUsageType.PERMISSIONS_POLICY)
                .build());
    assertEquals(
        List.of("batch"), attachedRoles.policyRoles().stream().map(PolicyRole::roleName).toList());
    assertEquals(List.of(), attachedRoles.policyUsers());
    assertEquals(List.of(), attachedRoles.policyGroups());

    ListEntitiesForPolicyResponse jobs =
        call(
            "ListEntitiesForPolicy",
            ListEntitiesForPolicyRequest.builder()
                .policyArn(ADMIN_ARN)
                .pathPrefix("/jobs/")
                .build());
    assertEquals(List.of("batch"), jobs.policyRoles().stream().map(PolicyRole::roleName).toList());

    ListEntitiesForPolicyResponse page =
        call(
            "ListEntitiesForPolicy",
            ListEntitiesForPolicyRequest.builder().policyArn(ADMIN_ARN).maxItems(3).build());
    assertTrue(page.isTruncated());
    ListEntitiesForPolicyResponse rest =
        call(
            "ListEntitiesForPolicy",
            ListEntitiesForPolicyRequest.builder()
                .policyArn(ADMIN_ARN)
                .marker(page.marker())
                .build());
    assertEquals(List.of("batch"), rest.policyRoles().stream().map(PolicyRole::roleName).toList());
    assertFalse(rest.isTruncated());

    fails(
        AwsError.NO_SUCH_ENTITY,
        "Policy arn:aws:iam::123456789012:policy/Nope was not found.",
        () ->
            call(
                "ListEntitiesForPolicy",
                ListEntitiesForPolicyRequest.builder()
                    .policyArn("arn:aws:iam::123456789012:policy/Nope")
                    .build()));
  }
}
