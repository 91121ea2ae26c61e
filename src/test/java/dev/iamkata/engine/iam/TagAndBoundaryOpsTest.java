package dev.iamkata.engine.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.api.AwsError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyResponse;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserPermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.GetUserResponse;
import software.amazon.awssdk.services.iam.model.ListRoleTagsRequest;
import software.amazon.awssdk.services.iam.model.ListRoleTagsResponse;
import software.amazon.awssdk.services.iam.model.ListUserTagsRequest;
import software.amazon.awssdk.services.iam.model.ListUserTagsResponse;
import software.amazon.awssdk.services.iam.model.PutRolePermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.PutUserPermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.TagRoleRequest;
import software.amazon.awssdk.services.iam.model.TagUserRequest;
import software.amazon.awssdk.services.iam.model.UntagRoleRequest;
import software.amazon.awssdk.services.iam.model.UntagUserRequest;

class TagAndBoundaryOpsTest extends IamTestSupport {

  @BeforeEach
  void entities() {
    call(
        "CreateRole",
        CreateRoleRequest.builder().roleName("app").assumeRolePolicyDocument(TRUST_EC2).build());
    call("CreateUser", CreateUserRequest.builder().userName("ann").build());
  }

  static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  List<Tag> roleTags() {
    ListRoleTagsResponse r =
        call("ListRoleTags", ListRoleTagsRequest.builder().roleName("app").build());
    assertFalse(r.isTruncated());
    return r.tags();
  }

  @Test
  void tagRoleAddsAndReplacesKeysWithoutRegardToCase() {
    call(
        "TagRole",
        TagRoleRequest.builder().roleName("app").tags(tag("Team", "a"), tag("env", "dev")).build());
    call("TagRole", TagRoleRequest.builder().roleName("APP").tags(tag("team", "b")).build());
    assertEquals(List.of(tag("team", "b"), tag("env", "dev")), roleTags());
    GetRoleResponse role = call("GetRole", GetRoleRequest.builder().roleName("app").build());
    assertEquals(2, role.role().tags().size());
    call(
        "UntagRole", UntagRoleRequest.builder().roleName("app").tagKeys("TEAM", "missing").build());
    assertEquals(List.of(tag("env", "dev")), roleTags());
  }

  @Test
  void duplicateKeysInOneRequestAreRejected() {
    fails(
        AwsError.INVALID_INPUT,
        "Duplicate tag keys found. Please note that Tag keys are case insensitive.",
        () ->
            call(
                "TagRole",
                TagRoleRequest.builder()
                    .roleName("app")
                    .tags(tag("a", "1"), tag("A", "2"))
                    .build()));
  }

  @Test
  void aRoleCarriesAtMostFiftyTags() {
    List<Tag> fifty = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      fifty.add(tag("k" + i, "v"));
    }
    call("TagRole", TagRoleRequest.builder().roleName("app").tags(fifty).build());
    call("TagRole", TagRoleRequest.builder().roleName("app").tags(tag("K0", "replaced")).build());
    fails(
        AwsError.LIMIT_EXCEEDED,
        "Cannot exceed quota for TagsPerRole: 50",
        () ->
            call(
                "TagRole",
                TagRoleRequest.builder().roleName("app").tags(tag("one", "more")).build()));
    assertEquals(50, roleTags().size());
    List<Tag> tooMany = new ArrayList<>(fifty);
    tooMany.add(tag("x", "y"));
    AssertionsForMessages.startsWith(
        "1 validation error detected: Value '",
        fails(
                AwsError.VALIDATION_ERROR,
                null,
                () ->
                    call("TagUser", TagUserRequest.builder().userName("ann").tags(tooMany).build()))
            .getMessage());
  }

  @Test
  void tagConstraints() {
    fails(
        AwsError.VALIDATION_ERROR,
        "1 validation error detected: Value 'a*b' at 'tags.2.member.key' failed to satisfy"
            + " constraint: Member must satisfy regular expression pattern:"
            + " [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+",
        () ->
            call(
                "TagRole",
                TagRoleRequest.builder()
                    .roleName("app")
                    .tags(tag("ok", ""), tag("a*b", "v"))
                    .build()));
    fails(
        AwsError.VALIDATION_ERROR,
        "1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member"
            + " must not be null",
        () -> call("TagRole", TagRoleRequest.builder().roleName("app").build()));
  }

  @Test
  void listRoleTagsPaginates() {
    call(
        "TagRole",
        TagRoleRequest.builder()
            .roleName("app")
            .tags(tag("a", "1"), tag("b", "2"), tag("c", "3"))
            .build());
    ListRoleTagsResponse first =
        call("ListRoleTags", ListRoleTagsRequest.builder().roleName("app").maxItems(2).build());
    assertTrue(first.isTruncated());
    assertEquals(2, first.tags().size());
    ListRoleTagsResponse rest =
        call(
            "ListRoleTags",
            ListRoleTagsRequest.builder().roleName("app").marker(first.marker()).build());
    assertEquals(List.of(tag("c", "3")), rest.tags());
    assertFalse(rest.isTruncated());
  }

  @Test
  void userTags() {
    call(
        "TagUser",
        TagUserRequest.builder().userName("ann").tags(tag("a", "1"), tag("b", "2")).build());
    call("UntagUser", UntagUserRequest.builder().userName("ann").tagKeys("a").build());
    ListUserTagsResponse r =
        call("ListUserTags", ListUserTagsRequest.builder().userName("ann").build());
    assertEquals(List.of(tag("b", "2")), r.tags());
    fails(
        AwsError.NO_SUCH_ENTITY,
        "The user with name bob cannot be found.",
        () ->
            call("TagUser", TagUserRequest.builder().userName("bob").tags(tag("a", "1")).build()));
  }

  @Test
  void permissionsBoundariesOnRolesAndUsers() {
    CreatePolicyResponse p =
        call(
            "CreatePolicy",
            CreatePolicyRequest.builder().policyName("Boundary").policyDocument(ALLOW_ALL).build());
    String arn = p.policy().arn();
    call(
        "PutRolePermissionsBoundary",
        PutRolePermissionsBoundaryRequest.builder()
            .roleName("app")
            .permissionsBoundary(arn)
            .build());
    GetRoleResponse role = call("GetRole", GetRoleRequest.builder().roleName("app").build());
    assertEquals(arn, role.role().permissionsBoundary().permissionsBoundaryArn());
    call(
        "PutUserPermissionsBoundary",
        PutUserPermissionsBoundaryRequest.builder()
            .userName("ann")
            .permissionsBoundary(ADMIN_ARN)
            .build());
    GetUserResponse user = call("GetUser", GetUserRequest.builder().userName("ann").build());
    assertEquals(ADMIN_ARN, user.user().permissionsBoundary().permissionsBoundaryArn());

    call(
        "DeleteRolePermissionsBoundary",
        DeleteRolePermissionsBoundaryRequest.builder().roleName("app").build());
    call(
        "DeleteRolePermissionsBoundary",
        DeleteRolePermissionsBoundaryRequest.builder().roleName("app").build());
    call(
        "DeleteUserPermissionsBoundary",
        DeleteUserPermissionsBoundaryRequest.builder().userName("ann").build());
    role = call("GetRole", GetRoleRequest.builder().roleName("app").build());
    assertNull(role.role().permissionsBoundary());
    user = call("GetUser", GetUserRequest.builder().userName("ann").build());
    assertNull(user.user().permissionsBoundary());
  }

  @Test
  void boundariesMustBeExistingAttachablePolicies() {
    String missing = "arn:aws:iam::123456789012:policy/Missing";
    fails(
        AwsError.NO_SUCH_ENTITY,
        "Scope ARN: " + missing + " does not exist or is not attachable.",
        () ->
            call(
                "PutRolePermissionsBoundary",
                PutRolePermissionsBoundaryRequest.builder()
                    .roleName("app")
                    .permissionsBoundary(missing)
                    .build()));
    fails(
        AwsError.NO_SUCH_ENTITY,
        "Scope ARN: " + SERVICE_ROLE_ARN + " does not exist or is not attachable.",
        () ->
            call(
                "PutUserPermissionsBoundary",
                PutUserPermissionsBoundaryRequest.builder()
                    .userName("ann")
                    .permissionsBoundary(SERVICE_ROLE_ARN)
                    .build()));
    fails(
        AwsError.NO_SUCH_ENTITY,
        "The role with name ghost cannot be found.",
        () ->
            call(
                "PutRolePermissionsBoundary",
                PutRolePermissionsBoundaryRequest.builder()
                    .roleName("ghost")
                    .permissionsBoundary(ADMIN_ARN)
                    .build()));
  }
}
