package dev.iamkata.engine.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.api.AwsError;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.UpdateRoleDescriptionRequest;
import software.amazon.awssdk.services.iam.model.UpdateRoleDescriptionResponse;
import software.amazon.awssdk.services.iam.model.UpdateRoleRequest;

class RoleOpsTest extends IamTestSupport {
  static final String PRETTY_TRUST =
      "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\","
          + " \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"},"
          + " \"Action\": \"sts:AssumeRole\"}]\n}";

  Role create(String name) {
    CreateRoleResponse r =
        call(
            "CreateRole",
            CreateRoleRequest.builder().roleName(name).assumeRolePolicyDocument(TRUST_EC2).build());
    return r.role();
  }

  Role get(String name) {
    GetRoleResponse r = call("GetRole", GetRoleRequest.builder().roleName(name).build());
    return r.role();
  }

  @Test
  void createRoleShowsWhatWasSet() {
    CreateRoleResponse r =
        call(
            "CreateRole",
            CreateRoleRequest.builder()
                .roleName("app")
                .path("/svc/")
                .assumeRolePolicyDocument(TRUST_EC2)
                .description("The app")
                .maxSessionDuration(7200)
                .permissionsBoundary(ADMIN_ARN)
                .tags(Tag.builder().key("team").value("a").build())
                .build());
    Role role = r.role();
    assertEquals("arn:aws:iam::123456789012:role/svc/app", role.arn());
    assertTrue(role.roleId().matches("AROA[A-Z2-7]{17}"));
    assertEquals(Instant.parse("2026-03-01T10:15:30Z"), role.createDate());
    assertEquals(PolicyDocs.encode(TRUST_EC2), role.assumeRolePolicyDocument());
    assertEquals("The app", role.description());
    assertNull(role.maxSessionDuration());
    assertNull(role.roleLastUsed());
    assertEquals(ADMIN_ARN, role.permissionsBoundary().permissionsBoundaryArn());
    assertEquals(1, role.tags().size());
  }

  @Test
  void getRoleShowsEverythingWithTheTrustPolicyUrlEncodedAsSent() {
    call(
        "CreateRole",
        CreateRoleRequest.builder()
            .roleName("pretty")
            .assumeRolePolicyDocument(PRETTY_TRUST)
            .build());
    Role role = get("PRETTY");
    assertEquals("pretty", role.roleName());
    String encoded = role.assumeRolePolicyDocument();
    assertTrue(encoded.startsWith("%7B%0A%20%20%22Version%22%3A%20%222012-10-17%22"), encoded);
    assertFalse(encoded.contains("+"));
    assertEquals(PRETTY_TRUST, URLDecoder.decode(encoded, StandardCharsets.UTF_8));
    assertEquals(3600, role.maxSessionDuration());
    assertNotNull(role.roleLastUsed());
    assertFalse(role.hasTags());
  }

  @Test
  void roleNamesAreUniqueWithoutRegardToCase() {
    create("Worker");
    fails(
        AwsError.ENTITY_ALREADY_EXISTS,
        "Role with name worker already exists.",
        () -> create("worker"));
  }

  @Test
  void constraintsAreValidationErrors() {
    String longName = "r".repeat(65);
    fails(
        AwsError.VALIDATION_ERROR,
        "1 validation error detected: Value '"
            + longName
            + "' at 'roleName' failed to satisfy constraint: Member must have length less than"
            + " or equal to 64",
        () -> create(longName));
    fails(
        AwsError.VALIDATION_ERROR,
        "1 validation error detected: Value '60' at 'maxSessionDuration' failed to satisfy"
            + " constraint: Member must have value greater than or equal to 3600",
        () ->
            call(
                "CreateRole",
                CreateRoleRequest.builder()
                    .roleName("r")
                    .assumeRolePolicyDocument(TRUST_EC2)
                    .maxSessionDuration(60)
                    .build()));
    fails(
        AwsError.VALIDATION_ERROR,
        "1 validation error detected: Value '43201' at 'maxSessionDuration' failed to satisfy"
            + " constraint: Member must have value less than or equal to 43200",
        () ->
            call(
                "UpdateRole",
                UpdateRoleRequest.builder().roleName("r").maxSessionDuration(43201).build()));
    fails(
        AwsError.VALIDATION_ERROR,
        "1 validation error detected: Value null at 'assumeRolePolicyDocument' failed to"
            + " satisfy constraint: Member must not be null",
        () -> call("CreateRole", CreateRoleRequest.builder().roleName("r").build()));
  }

  @Test
  void trustPoliciesAreValidatedAndSized() {
    fails(
        AwsError.MALFORMED_POLICY_DOCUMENT,
        "Syntax errors in policy.",
        () ->
            call(
                "CreateRole",
                CreateRoleRequest.builder().roleName("r").assumeRolePolicyDocument("{").build()));
    fails(
        AwsError.MALFORMED_POLICY_DOCUMENT,
        "Missing required field Principal",
        () ->
            call(
                "CreateRole",
                CreateRoleRequest.builder()
                    .roleName("r")
                    .assumeRolePolicyDocument(ALLOW_ALL)
                    .build()));
    String big = trustOfSize(2049);
    fails(
        AwsError.LIMIT_EXCEEDED,
        "Cannot exceed quota for ACLSizePerRole: 2048",
        () ->
            call(
                "CreateRole",
                CreateRoleRequest.builder().roleName("r").assumeRolePolicyDocument(big).build()));
    String fits = trustOfSize(2048) + "\n    \n";
    call(
        "CreateRole",
        CreateRoleRequest.builder().roleName("r").assumeRolePolicyDocument(fits).build());
  }

  /** A trust policy of exactly {@code size} non-whitespace characters. */
  static String trustOfSize(int size) {
    String head = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Sid\":\"";
    String tail = "\"}]}";
    return head + "x".repeat(size - head.length() - tail.length()) + tail;
  }

  @Test
  void listRolesIsAlphabeticalAndCarriesNoTags() {
    call(
        "CreateRole",
        CreateRoleRequest.builder()
            .roleName("b")
            .path("/p/")
            .assumeRolePolicyDocument(TRUST_EC2)
            .tags(Tag.builder().key("k").value("v").build())
            .build());
    create("C");
    create("a");
    ListRolesResponse all = call("ListRoles", ListRolesRequest.builder().build());
    assertEquals(List.of("a", "b", "C"), all.roles().stream().map(Role::roleName).toList());
    assertFalse(all.roles().get(1).hasTags());
    assertEquals(3600, all.roles().get(1).maxSessionDuration());
    assertFalse(all.isTruncated());
    ListRolesResponse p = call("ListRoles", ListRolesRequest.builder().pathPrefix("/p/").build());
    assertEquals(List.of("b"), p.roles().stream().map(Role::roleName).toList());
  }

  @Test
  void updateRoleDescriptionAndTrust() {
    create("r");
    call(
        "UpdateRole",
        UpdateRoleRequest.builder()
            .roleName("r")
            .description("d1")
            .maxSessionDuration(43200)
            .build());
    assertEquals("d1", get("r").description());
    assertEquals(43200, get("r").maxSessionDuration());
    UpdateRoleDescriptionResponse d =
        call(
            "UpdateRoleDescription",
            UpdateRoleDescriptionRequest.builder().roleName("r").description("d2").build());
    assertEquals("d2", d.role().description());
    call(
        "UpdateAssumeRolePolicy",
        UpdateAssumeRolePolicyRequest.builder().roleName("r").policyDocument(PRETTY_TRUST).build());
    assertEquals(PolicyDocs.encode(PRETTY_TRUST), get("r").assumeRolePolicyDocument());
    fails(
        AwsError.MALFORMED_POLICY_DOCUMENT,
        null,
        () ->
            call(
                "UpdateAssumeRolePolicy",
                UpdateAssumeRolePolicyRequest.builder()
                    .roleName("r")
                    .policyDocument("nope")
                    .build()));
    fails(
        AwsError.NO_SUCH_ENTITY,
        "The role with name ghost cannot be found.",
        () ->
            call(
                "UpdateAssumeRolePolicy",
                UpdateAssumeRolePolicyRequest.builder()
                    .roleName("ghost")
                    .policyDocument(TRUST_EC2)
                    .build()));
  }

  @Test
  void deleteRoleConflicts() {
    create("r");
    call(
        "AttachRolePolicy",
        AttachRolePolicyRequest.builder().roleName("r").policyArn(ADMIN_ARN).build());
    fails(
        AwsError.DELETE_CONFLICT,
        "Cannot delete entity, must detach all policies first.",
        () -> call("DeleteRole", DeleteRoleRequest.builder().roleName("r").build()));
    call(
        "DetachRolePolicy",
        DetachRolePolicyRequest.builder().roleName("r").policyArn(ADMIN_ARN).build());
    call(
        "PutRolePolicy",
        PutRolePolicyRequest.builder()
            .roleName("r")
            .policyName("p")
            .policyDocument(ALLOW_ALL)
            .build());
    fails(
        AwsError.DELETE_CONFLICT,
        "Cannot delete entity, must delete policies first.",
        () -> call("DeleteRole", DeleteRoleRequest.builder().roleName("r").build()));
    call(
        "DeleteRolePolicy",
        software.amazon.awssdk.services.iam.model.DeleteRolePolicyRequest.builder()
            .roleName("r")
            .policyName("p")
            .build());
    call("DeleteRole", DeleteRoleRequest.builder().roleName("r").build());
    fails(AwsError.NO_SUCH_ENTITY, "The role with name r cannot be found.", () -> get("r"));
  }
}
