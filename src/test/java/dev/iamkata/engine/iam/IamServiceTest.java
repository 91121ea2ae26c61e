package dev.iamkata.engine.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.state.EngineState;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.ListPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;

class IamServiceTest extends IamTestSupport {
  static final List<String> EXPECTED =
      List.of(
          "CreateUser",
          "GetUser",
          "ListUsers",
          "DeleteUser",
          "UpdateUser",
          "CreateAccessKey",
          "ListAccessKeys",
          "UpdateAccessKey",
          "DeleteAccessKey",
          "CreateGroup",
          "GetGroup",
          "ListGroups",
          "DeleteGroup",
          "AddUserToGroup",
          "RemoveUserFromGroup",
          "ListGroupsForUser",
          "CreateRole",
          "GetRole",
          "ListRoles",
          "DeleteRole",
          "UpdateRole",
          "UpdateRoleDescription",
          "UpdateAssumeRolePolicy",
          "TagRole",
          "UntagRole",
          "ListRoleTags",
          "TagUser",
          "UntagUser",
          "ListUserTags",
          "CreatePolicy",
          "GetPolicy",
          "ListPolicies",
          "DeletePolicy",
          "CreatePolicyVersion",
          "GetPolicyVersion",
          "ListPolicyVersions",
          "SetDefaultPolicyVersion",
          "DeletePolicyVersion",
          "AttachUserPolicy",
          "AttachGroupPolicy",
          "AttachRolePolicy",
          "DetachUserPolicy",
          "DetachGroupPolicy",
          "DetachRolePolicy",
          "ListAttachedUserPolicies",
          "ListAttachedGroupPolicies",
          "ListAttachedRolePolicies",
          "ListEntitiesForPolicy",
          "PutUserPolicy",
          "GetUserPolicy",
          "ListUserPolicies",
          "DeleteUserPolicy",
          "PutGroupPolicy",
          "GetGroupPolicy",
          "ListGroupPolicies",
          "DeleteGroupPolicy",
          "PutRolePolicy",
          "GetRolePolicy",
          "ListRolePolicies",
          "DeleteRolePolicy",
          "PutUserPermissionsBoundary",
          "DeleteUserPermissionsBoundary",
          "PutRolePermissionsBoundary",
          "DeleteRolePermissionsBoundary",
          "CreateInstanceProfile",
          "GetInstanceProfile",
          "ListInstanceProfiles",
          "ListInstanceProfilesForRole",
          "AddRoleToInstanceProfile",
          "RemoveRoleFromInstanceProfile",
          "DeleteInstanceProfile",
          "SimulateCustomPolicy",
          "SimulatePrincipalPolicy",
          "GetContextKeysForCustomPolicy",
          "GetContextKeysForPrincipalPolicy",
          "CreateVirtualMFADevice",
          "EnableMFADevice",
          "ResyncMFADevice",
          "DeactivateMFADevice",
          "DeleteVirtualMFADevice",
          "ListMFADevices",
          "ListVirtualMFADevices");

  @Test
  void tableHasEveryOperationOnceEachWithItsIamAction() {
    List<Operation<?, ?>> rows = service.operations();
    Set<String> names = new HashSet<>();
    for (Operation<?, ?> row : rows) {
      assertTrue(names.add(row.name()), "duplicate " + row.name());
      assertEquals("iam:" + row.name(), row.action());
    }
    assertEquals(Set.copyOf(EXPECTED), names);
    assertEquals(EXPECTED.size(), rows.size());
  }

  @Test
  void buildersMakeTheRequestTypeTheHandlerTakes() {
    for (Operation<?, ?> row : service.operations()) {
      SdkPojo builder = row.builder().get();
      String builderName = builder.getClass().getName();
      // the SDK spells acronyms as words: CreateVirtualMFADevice -> CreateVirtualMfaDeviceRequest
      assertTrue(
          builderName
              .toLowerCase(Locale.ROOT)
              .contains((row.name() + "Request").toLowerCase(Locale.ROOT)),
          row.name() + " builds " + builderName);
    }
  }

  @Test
  void resourcesAreTheEntityArnsWithTheirPaths() {
    call("CreateUser", CreateUserRequest.builder().userName("alice").path("/eng/").build());
    call(
        "CreateRole",
        CreateRoleRequest.builder()
            .roleName("app")
            .path("/svc/")
            .assumeRolePolicyDocument(TRUST_EC2)
            .build());
    assertEquals(
        "arn:aws:iam::123456789012:user/eng/alice",
        table.get("GetUser").resourceOf(admin, GetUserRequest.builder().userName("ALICE").build()));
    assertEquals(
        "arn:aws:iam::123456789012:role/svc/app",
        table.get("GetRole").resourceOf(admin, GetRoleRequest.builder().roleName("app").build()));
    assertEquals(
        "arn:aws:iam::123456789012:role/nobody",
        table
            .get("GetRole")
            .resourceOf(admin, GetRoleRequest.builder().roleName("nobody").build()));
    assertEquals(
        "arn:aws:iam::123456789012:user/new/bob",
        table
            .get("CreateUser")
            .resourceOf(admin, CreateUserRequest.builder().userName("bob").path("/new/").build()));
    assertEquals(
        "arn:aws:iam::123456789012:user/admin",
        table.get("GetUser").resourceOf(admin, GetUserRequest.builder().build()));
  }

  @Test
  void listOperationsAuthorizeOnThePrefix() {
    assertEquals(
        "arn:aws:iam::123456789012:role/",
        table.get("ListRoles").resourceOf(admin, ListRolesRequest.builder().build()));
    assertEquals(
        "arn:aws:iam::123456789012:role/app/",
        table
            .get("ListRoles")
            .resourceOf(admin, ListRolesRequest.builder().pathPrefix("/app/").build()));
    assertEquals(
        "arn:aws:iam::123456789012:user/",
        table.get("ListUsers").resourceOf(admin, ListUsersRequest.builder().build()));
    assertEquals(
        "arn:aws:iam::123456789012:policy/",
        table.get("ListPolicies").resourceOf(admin, ListPoliciesRequest.builder().build()));
  }

  @Test
  void malformedRequestsFailBeforeAuthorization() {
    fails(
        AwsError.VALIDATION_ERROR,
        "1 validation error detected: Value 'bad name' at 'roleName' failed to satisfy"
            + " constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
        () ->
            table
                .get("GetRole")
                .resourceOf(admin, GetRoleRequest.builder().roleName("bad name").build()));
  }

  @Test
  void theRealCatalogueBacksThePublicConstructor() {
    IamService real = new IamService(new EngineState(), JSON_VALIDATOR);
    Operation<?, ?> list =
        real.operations().stream()
            .filter(o -> o.name().equals("ListPolicies"))
            .findFirst()
            .orElseThrow();
    ListPoliciesResponse aws =
        (ListPoliciesResponse)
            list.handle(admin, ListPoliciesRequest.builder().scope(PolicyScopeType.AWS).build());
    assertTrue(
        aws.policies().stream().anyMatch(p -> p.arn().equals(ADMIN_ARN)),
        "AdministratorAccess is listed");
    assertTrue(aws.policies().stream().allMatch(p -> p.arn().startsWith("arn:aws:iam::aws:")));
  }
}
