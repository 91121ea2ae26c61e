package dev.iamkata.engine.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.auth.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyResponse;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.DetachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.ListPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsResponse;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyUsageType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.PutUserPermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.SetDefaultPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.Tag;

class PolicyOpsTest extends IamTestSupport {
  static final String LOCAL = "arn:aws:iam::123456789012:policy/team/Deploy";
  static final String PRETTY =
      "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\","
          + " \"Action\": \"s3:Get*\", \"Resource\": \"arn:aws:s3:::b/a+b c\"}\n  ]\n}";

  Policy create(String name, String path) {
    CreatePolicyResponse r =
        call(
            "CreatePolicy",
            CreatePolicyRequest.builder()
                .policyName(name)
                .path(path)
                .policyDocument(PRETTY)
                .description("Deploys")
                .build());
    return r.policy();
  }

  Policy get(String arn) {
    GetPolicyResponse r = call("GetPolicy", GetPolicyRequest.builder().policyArn(arn).build());
    return r.policy();
  }

  String version(String arn, Caller caller, boolean setAsDefault) {
    CreatePolicyVersionResponse r =
        call(
            caller,
            "CreatePolicyVersion",
            CreatePolicyVersionRequest.builder()
                .policyArn(arn)
                .policyDocument(ALLOW_ALL)
                .setAsDefault(setAsDefault)
                .build());
    return r.policyVersion().versionId();
  }

  @Test
  void createPolicy() {
    Policy p = create("Deploy", "/team/");
    assertEquals(LOCAL, p.arn());
    assertTrue(p.policyId().matches("ANPA[A-Z2-7]{17}"));
    assertEquals("v1", p.defaultVersionId());
    assertEquals(0, p.attachmentCount());
    assertEquals(0, p.permissionsBoundaryUsageCount());
    assertTrue(p.isAttachable());
    assertEquals(Instant.parse("2026-03-01T10:15:30Z"), p.createDate());
    assertEquals(p.createDate(), p.updateDate());
    assertNull(p.description());
  }

  @Test
  void createPolicyEchoesTags() {
    CreatePolicyResponse r =
        call(
            "CreatePolicy",
            CreatePolicyRequest.builder()
                .policyName("Tagged")
                .policyDocument(ALLOW_ALL)
                .tags(Tag.builder().key("k").value("v").build())
                .build());
    assertEquals(1, r.policy().tags().size());
  }

  @Test
  void policyNamesAreUniqueWithoutRegardToCaseOrPath() {
    create("Deploy", "/team/");
    fails(
        AwsError.ENTITY_ALREADY_EXISTS,
        "A policy called deploy already exists. Duplicate names are not allowed.",
        () -> create("deploy", "/other/"));
  }

  @Test
  void managedPolicyDocumentsAreValidatedAndSized() {
    fails(
        AwsError.MALFORMED_POLICY_DOCUMENT,
        "Syntax errors in policy.",
        () ->
            call(
                "CreatePolicy",
                CreatePolicyRequest.builder().policyName("p").policyDocument("{nope").build()));
    String big = "{\"Sid\":\"" + "x".repeat(6144) + "\"}";
    fails(
        AwsError.LIMIT_EXCEEDED,
        "Cannot exceed quota for PolicySize: 6144",
        () ->
            call(
                "CreatePolicy",
                CreatePolicyRequest.builder().policyName("p").policyDocument(big).build()));
    fails(
        AwsError.VALIDATION_ERROR,
        "1 validation error detected: Value 'team' at 'path' failed to satisfy constraint:"
            + " Member must satisfy regular expression pattern: ((/[A-Za-z0-9\\.,\\+@=_-]+)*)/",
        () -> create("p", "team"));
  }

  @Test
  void getPolicyShowsDescriptionAndUsage() {
    create("Deploy", "/team/");
    call("CreateUser", CreateUserRequest.builder().userName("u").build());
    call("CreateUser", CreateUserRequest.builder().userName("v").build());
    call(
        "AttachUserPolicy",
        AttachUserPolicyRequest.builder().userName("u").policyArn(LOCAL).build());
    call(
        "PutUserPermissionsBoundary",
        PutUserPermissionsBoundaryRequest.builder()
            .userName("v")
            .permissionsBoundary(LOCAL)
            .build());
    Policy p = get(LOCAL);
    assertEquals("Deploys", p.description());
    assertEquals(1, p.attachmentCount());
    assertEquals(1, p.permissionsBoundaryUsageCount());
    Policy aws = get(ADMIN_ARN);
    assertEquals("AdministratorAccess", aws.policyName());
    assertEquals(0, aws.attachmentCount());
    assertEquals("v3", aws.defaultVersionId());
  }

  @Test
  void getPolicyErrors() {
    fails(
        AwsError.NO_SUCH_ENTITY,
        "Policy arn:aws:iam::123456789012:policy/Nope was not found.",
        () -> get("arn:aws:iam::123456789012:policy/Nope"));
    fails(
        AwsError.NO_SUCH_ENTITY,
        "Policy arn:aws:iam::aws:policy/NoSuchAwsPolicy was not found.",
        () -> get("arn:aws:iam::aws:policy/NoSuchAwsPolicy"));
    fails(
        AwsError.INVALID_INPUT,
        "ARN arn:aws:iam::aws:policy/arn:aws:iam::aws:policy/X is not valid.",
        () -> get("arn:aws:iam::aws:policy/arn:aws:iam::aws:policy/X"));
    fails(
        AwsError.VALIDATION_ERROR,
        "1 validation error detected: Value 'short' at 'policyArn' failed to satisfy constraint:"
            + " Member must have length greater than or equal to 20",
        () -> get("short"));
  }

  @Test
  void listPoliciesByScopeAndUsage() {
    create("Deploy", "/team/");
    create("audit", null);
    ListPoliciesResponse all = call("ListPolicies", ListPoliciesRequest.builder().build());
    assertEquals(
        List.of(
            "AdministratorAccess",
            "audit",
            "AWSSupportServiceRolePolicy",
            "Deploy",
            "ReadOnlyAccess"),
        all.policies().stream().map(Policy::policyName).toList());
    assertFalse(all.isTruncated());
    assertNull(all.policies().get(3).description());
    ListPoliciesResponse local =
        call("ListPolicies", ListPoliciesRequest.builder().scope(PolicyScopeType.LOCAL).build());
    assertEquals(
        List.of("audit", "Deploy"), local.policies().stream().map(Policy::policyName).toList());
    ListPoliciesResponse awsOnly =
        call("ListPolicies", ListPoliciesRequest.builder().scope(PolicyScopeType.AWS).build());
    assertEquals(3, awsOnly.policies().size());
    ListPoliciesResponse team =
        call("ListPolicies", ListPoliciesRequest.builder().pathPrefix("/team/").build());
    assertEquals(List.of("Deploy"), team.policies().stream().map(Policy::policyName).toList());

    call("CreateUser", CreateUserRequest.builder().userName("u").build());
    call(
        "AttachUserPolicy",
        AttachUserPolicyRequest.builder().userName("u").policyArn(ADMIN_ARN).build());
    call(
        "PutUserPermissionsBoundary",
        PutUserPermissionsBoundaryRequest.builder()
            .userName("u")
            .permissionsBoundary(LOCAL)
            .build());
    ListPoliciesResponse attached =
        call("ListPolicies", ListPoliciesRequest.builder().onlyAttached(true).build());
    assertEquals(
        List.of("AdministratorAccess"),
        attached.policies().stream().map(Policy::policyName).toList());
    assertEquals(1, attached.policies().get(0).attachmentCount());
    ListPoliciesResponse boundaries =
        call(
            "ListPolicies",
            ListPoliciesRequest.builder()
                .policyUsageFilter(PolicyUsageType.PERMISSIONS_BOUNDARY)
                .build());
    assertEquals(
        List.of("Deploy"), boundaries.policies().stream().map(Policy::policyName).toList());
    fails(
        AwsError.VALIDATION_ERROR,
        "1 validation error detected: Value 'Mine' at 'scope' failed to satisfy constraint:"
            + " Member must satisfy enum value set: [All, AWS, Local]",
        () -> call("ListPolicies", ListPoliciesRequest.builder().scope("Mine").build()));
  }

  @Test
  void listPoliciesPaginatesAcrossAwsAndLocal() {
    for (int i = 0; i < 4; i++) {
      create("p" + i, null);
    }
    List<String> names = new ArrayList<>();
    String marker = null;
    do {
      ListPoliciesResponse page =
          call("ListPolicies", ListPoliciesRequest.builder().maxItems(3).marker(marker).build());
      page.policies().forEach(p -> names.add(p.policyName()));
      marker = page.marker();
      assertEquals(marker != null, page.isTruncated());
    } while (marker != null);
    assertEquals(7, names.size());
    assertEquals(List.copyOf(new java.util.LinkedHashSet<>(names)), names);
  }

  @Test
  void policyVersionsLifecycle() {
    create("Deploy", "/team/");
    Caller later = user("admin", T0.plus(Duration.ofHours(1)));
    assertEquals("v2", version(LOCAL, later, false));
    assertEquals("v1", get(LOCAL).defaultVersionId());
    assertEquals(Instant.parse("2026-03-01T11:15:30Z"), get(LOCAL).updateDate());
    assertEquals("v3", version(LOCAL, admin, true));
    assertEquals("v3", get(LOCAL).defaultVersionId());

    ListPolicyVersionsResponse list =
        call("ListPolicyVersions", ListPolicyVersionsRequest.builder().policyArn(LOCAL).build());
    assertEquals(
        List.of("v3", "v2", "v1"), list.versions().stream().map(PolicyVersion::versionId).toList());
    assertEquals(
        List.of(true, false, false),
        list.versions().stream().map(PolicyVersion::isDefaultVersion).toList());
    assertNull(list.versions().get(0).document());
    assertFalse(list.isTruncated());

    GetPolicyVersionResponse v1 =
        call(
            "GetPolicyVersion",
            GetPolicyVersionRequest.builder().policyArn(LOCAL).versionId("v1").build());
    assertEquals(PolicyDocs.encode(PRETTY), v1.policyVersion().document());
    assertTrue(v1.policyVersion().document().contains("a%2Bb%20c"), v1.policyVersion().document());
    assertFalse(v1.policyVersion().isDefaultVersion());

    call(
        "SetDefaultPolicyVersion",
        SetDefaultPolicyVersionRequest.builder().policyArn(LOCAL).versionId("v1").build());
    fails(
        AwsError.DELETE_CONFLICT,
        "Cannot delete the default version of a policy.",
        () ->
            call(
                "DeletePolicyVersion",
                DeletePolicyVersionRequest.builder().policyArn(LOCAL).versionId("v1").build()));
    call(
        "DeletePolicyVersion",
        DeletePolicyVersionRequest.builder().policyArn(LOCAL).versionId("v2").build());
    fails(
        AwsError.NO_SUCH_ENTITY,
        "Policy " + LOCAL + " version v2 does not exist or is not attachable.",
        () ->
            call(
                "GetPolicyVersion",
                GetPolicyVersionRequest.builder().policyArn(LOCAL).versionId("v2").build()));
    fails(
        AwsError.VALIDATION_ERROR,
        "1 validation error detected: Value '2' at 'versionId' failed to satisfy constraint:"
            + " Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?",
        () ->
            call(
                "GetPolicyVersion",
                GetPolicyVersionRequest.builder().policyArn(LOCAL).versionId("2").build()));
  }

  @Test
  void atMostFiveVersionsAndNumbersAreNotReused() {
    create("Deploy", "/team/");
    for (int i = 2; i <= 5; i++) {
      assertEquals("v" + i, version(LOCAL, admin, false));
    }
    fails(
        AwsError.LIMIT_EXCEEDED,
        "A managed policy can have up to 5 versions. Before you create a new version, you must"
            + " delete an existing version.",
        () -> version(LOCAL, admin, false));
    call(
        "DeletePolicyVersion",
        DeletePolicyVersionRequest.builder().policyArn(LOCAL).versionId("v3").build());
    assertEquals("v6", version(LOCAL, admin, true));
  }

  @Test
  void deletePolicyConflicts() {
    create("Deploy", "/team/");
    version(LOCAL, admin, false);
    call("CreateUser", CreateUserRequest.builder().userName("u").build());
    call(
        "AttachUserPolicy",
        AttachUserPolicyRequest.builder().userName("u").policyArn(LOCAL).build());
    fails(
        AwsError.DELETE_CONFLICT,
        "Cannot delete a policy attached to entities.",
        () -> call("DeletePolicy", DeletePolicyRequest.builder().policyArn(LOCAL).build()));
    call(
        "DetachUserPolicy",
        DetachUserPolicyRequest.builder().userName("u").policyArn(LOCAL).build());
    call(
        "PutUserPermissionsBoundary",
        PutUserPermissionsBoundaryRequest.builder()
            .userName("u")
            .permissionsBoundary(LOCAL)
            .build());
    fails(
        AwsError.DELETE_CONFLICT,
        "Cannot delete a policy attached to entities.",
        () -> call("DeletePolicy", DeletePolicyRequest.builder().policyArn(LOCAL).build()));
    call(
        "DeleteUserPermissionsBoundary",
        software.amazon.awssdk.services.iam.model.DeleteUserPermissionsBoundaryRequest.builder()
            .userName("u")
            .build());
    fails(
        AwsError.DELETE_CONFLICT,
        "This policy has more than one version. Before you delete a policy, you must delete the"
            + " policy's versions. The default version is deleted with the policy.",
        () -> call("DeletePolicy", DeletePolicyRequest.builder().policyArn(LOCAL).build()));
    call(
        "DeletePolicyVersion",
        DeletePolicyVersionRequest.builder().policyArn(LOCAL).versionId("v2").build());
    call("DeletePolicy", DeletePolicyRequest.builder().policyArn(LOCAL).build());
    fails(AwsError.NO_SUCH_ENTITY, "Policy " + LOCAL + " was not found.", () -> get(LOCAL));
  }

  @Test
  void awsManagedPoliciesAreReadOnly() {
    String denied =
        "User: arn:aws:iam::123456789012:user/admin is not authorized to perform: %s on"
            + " resource: policy "
            + ADMIN_ARN
            + " because no resource-based policy allows the %s action";
    fails(
        AwsError.ACCESS_DENIED,
        denied.formatted("iam:DeletePolicy", "iam:DeletePolicy"),
        () -> call("DeletePolicy", DeletePolicyRequest.builder().policyArn(ADMIN_ARN).build()));
    fails(
        AwsError.ACCESS_DENIED,
        denied.formatted("iam:CreatePolicyVersion", "iam:CreatePolicyVersion"),
        () -> version(ADMIN_ARN, admin, true));
    fails(
        AwsError.ACCESS_DENIED,
        null,
        () ->
            call(
                "SetDefaultPolicyVersion",
                SetDefaultPolicyVersionRequest.builder()
                    .policyArn(ADMIN_ARN)
                    .versionId("v1")
                    .build()));
    fails(
        AwsError.ACCESS_DENIED,
        null,
        () ->
            call(
                "DeletePolicyVersion",
                DeletePolicyVersionRequest.builder().policyArn(ADMIN_ARN).versionId("v1").build()));
    ListPolicyVersionsResponse versions =
        call(
            "ListPolicyVersions", ListPolicyVersionsRequest.builder().policyArn(ADMIN_ARN).build());
    assertEquals(
        List.of("v3"), versions.versions().stream().map(PolicyVersion::versionId).toList());
    GetPolicyVersionResponse v3 =
        call(
            "GetPolicyVersion",
            GetPolicyVersionRequest.builder().policyArn(ADMIN_ARN).versionId("v3").build());
    assertEquals(PolicyDocs.encode(ALLOW_ALL), v3.policyVersion().document());
    assertTrue(v3.policyVersion().isDefaultVersion());
  }
}
