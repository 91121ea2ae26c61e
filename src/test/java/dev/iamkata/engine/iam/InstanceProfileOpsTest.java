package dev.iamkata.engine.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.api.AwsError;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AddRoleToInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.CreateInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.CreateInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;
import software.amazon.awssdk.services.iam.model.GetInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.GetInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesForRoleRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesForRoleResponse;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesResponse;
import software.amazon.awssdk.services.iam.model.RemoveRoleFromInstanceProfileRequest;

class InstanceProfileOpsTest extends IamTestSupport {

  @BeforeEach
  void roles() {
    for (String role : List.of("web", "db")) {
      call(
          "CreateRole",
          CreateRoleRequest.builder().roleName(role).assumeRolePolicyDocument(TRUST_EC2).build());
    }
  }

  InstanceProfile create(String name, String path) {
    CreateInstanceProfileResponse r =
        call(
            "CreateInstanceProfile",
            CreateInstanceProfileRequest.builder().instanceProfileName(name).path(path).build());
    return r.instanceProfile();
  }

  void add(String profile, String role) {
    call(
        "AddRoleToInstanceProfile",
        AddRoleToInstanceProfileRequest.builder()
            .instanceProfileName(profile)
            .roleName(role)
            .build());
  }

  InstanceProfile get(String name) {
    GetInstanceProfileResponse r =
        call(
            "GetInstanceProfile",
            GetInstanceProfileRequest.builder().instanceProfileName(name).build());
    return r.instanceProfile();
  }

  @Test
  void createAddGetListRemoveDelete() {
    InstanceProfile p = create("WebProfile", "/ec2/");
    assertEquals("arn:aws:iam::123456789012:instance-profile/ec2/WebProfile", p.arn());
    assertTrue(p.instanceProfileId().matches("AIPA[A-Z2-7]{17}"));
    assertEquals(List.of(), p.roles());
    assertFalse(p.roles() instanceof software.amazon.awssdk.core.util.SdkAutoConstructList);

    add("webprofile", "web");
    InstanceProfile got = get("WEBPROFILE");
    assertEquals(1, got.roles().size());
    assertEquals("web", got.roles().get(0).roleName());
    assertEquals(PolicyDocs.encode(TRUST_EC2), got.roles().get(0).assumeRolePolicyDocument());

    create("Other", null);
    ListInstanceProfilesResponse all =
        call("ListInstanceProfiles", ListInstanceProfilesRequest.builder().build());
    assertEquals(
        List.of("Other", "WebProfile"),
        all.instanceProfiles().stream().map(InstanceProfile::instanceProfileName).toList());
    assertFalse(all.isTruncated());
    ListInstanceProfilesResponse ec2 =
        call(
            "ListInstanceProfiles",
            ListInstanceProfilesRequest.builder().pathPrefix("/ec2/").build());
    assertEquals(1, ec2.instanceProfiles().size());
    ListInstanceProfilesForRoleResponse forWeb =
        call(
            "ListInstanceProfilesForRole",
            ListInstanceProfilesForRoleRequest.builder().roleName("web").build());
    assertEquals(
        List.of("WebProfile"),
        forWeb.instanceProfiles().stream().map(InstanceProfile::instanceProfileName).toList());

    fails(
        AwsError.DELETE_CONFLICT,
        "Cannot delete entity, must remove roles from instance profile first.",
        () -> call("DeleteRole", DeleteRoleRequest.builder().roleName("web").build()));
    fails(
        AwsError.DELETE_CONFLICT,
        "Cannot delete entity, must remove roles from instance profile first.",
        () ->
            call(
                "DeleteInstanceProfile",
                DeleteInstanceProfileRequest.builder().instanceProfileName("WebProfile").build()));
    call(
        "RemoveRoleFromInstanceProfile",
        RemoveRoleFromInstanceProfileRequest.builder()
            .instanceProfileName("WebProfile")
            .roleName("WEB")
            .build());
    fails(
        AwsError.NO_SUCH_ENTITY,
        "The role with name web cannot be found.",
        () ->
            call(
                "RemoveRoleFromInstanceProfile",
                RemoveRoleFromInstanceProfileRequest.builder()
                    .instanceProfileName("WebProfile")
                    .roleName("web")
                    .build()));
    call(
        "DeleteInstanceProfile",
        DeleteInstanceProfileRequest.builder().instanceProfileName("WebProfile").build());
    fails(
        AwsError.NO_SUCH_ENTITY,
        "Instance Profile WebProfile cannot be found.",
        () -> get("WebProfile"));
    call("DeleteRole", DeleteRoleRequest.builder().roleName("web").build());
  }

  @Test
  void oneRolePerProfile() {
    create("p", null);
    add("p", "web");
    fails(
        AwsError.LIMIT_EXCEEDED,
        "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1",
        () -> add("p", "db"));
    fails(
        AwsError.LIMIT_EXCEEDED,
        "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1",
        () -> add("p", "web"));
  }

  @Test
  void namesAreUniqueAndLookupsFail() {
    create("p", null);
    fails(
        AwsError.ENTITY_ALREADY_EXISTS,
        "Instance Profile P already exists.",
        () -> create("P", null));
    fails(AwsError.NO_SUCH_ENTITY, "Instance Profile q cannot be found.", () -> add("q", "web"));
    fails(
        AwsError.NO_SUCH_ENTITY,
        "The role with name ghost cannot be found.",
        () -> add("p", "ghost"));
  }
}
