package dev.iamkata.engine.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.api.AwsError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AddUserToGroupRequest;
import software.amazon.awssdk.services.iam.model.AttachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.CreateGroupRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyResponse;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.GetContextKeysForCustomPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetContextKeysForCustomPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetContextKeysForPrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetContextKeysForPrincipalPolicyResponse;
import software.amazon.awssdk.services.iam.model.Position;
import software.amazon.awssdk.services.iam.model.PutGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyResponse;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;
import software.amazon.awssdk.services.iam.model.Statement;

class SimulationOpsTest extends IamTestSupport {
  static final String S3_READ =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
          + "\"Resource\":\"*\"}]}";
  static final String FROM_OFFICE =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
          + "\"Resource\":\"*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}}]}";
  static final String DENY_DELETE =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:DeleteObject\","
          + "\"Resource\":\"*\"}]}";
  static final String ALLOW_S3 =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
          + "\"Resource\":\"*\"}]}";

  static ContextEntry entry(String name, String type, String... values) {
    return ContextEntry.builder()
        .contextKeyName(name)
        .contextKeyType(type)
        .contextKeyValues(values)
        .build();
  }

  SimulateCustomPolicyResponse custom(SimulateCustomPolicyRequest.Builder request) {
    return call("SimulateCustomPolicy", request.build());
  }

  static Statement statement(String id, String type, int start, int end) {
    return Statement.builder()
        .sourcePolicyId(id)
        .sourcePolicyType(type)
        .startPosition(Position.builder().line(1).column(start).build())
        .endPosition(Position.builder().line(1).column(end).build())
        .build();
  }

  @Test
  void allowedResultNamesTheStatementWithItsPosition() {
    EvaluationResult r =
        custom(
                SimulateCustomPolicyRequest.builder()
                    .policyInputList(S3_READ)
                    .actionNames("s3:GetObject"))
            .evaluationResults()
            .get(0);
    assertEquals("s3:GetObject", r.evalActionName());
    assertEquals("*", r.evalResourceName());
    assertEquals("allowed", r.evalDecisionAsString());
    assertEquals(
        List.of(statement("PolicyInputList.1", "IAM Policy", 38, 95)), r.matchedStatements());
    assertEquals(List.of(), r.missingContextValues());
    assertFalse(r.hasResourceSpecificResults());
    assertFalse(r.hasEvalDecisionDetails());
    assertNull(r.permissionsBoundaryDecisionDetail());
  }

  @Test
  void implicitDenyReportsTheUnsuppliedKeysAndNoStatements() {
    EvaluationResult r =
        custom(
                SimulateCustomPolicyRequest.builder()
                    .policyInputList(FROM_OFFICE)
                    .actionNames("s3:GetObject"))
            .evaluationResults()
            .get(0);
    assertEquals("implicitDeny", r.evalDecisionAsString());
    assertEquals(List.of(), r.matchedStatements());
    assertEquals(List.of("aws:SourceIp"), r.missingContextValues());

    EvaluationResult inside =
        custom(
                SimulateCustomPolicyRequest.builder()
                    .policyInputList(FROM_OFFICE)
                    .actionNames("s3:GetObject")
                    .contextEntries(entry("aws:SourceIp", "ip", "10.1.2.3")))
            .evaluationResults()
            .get(0);
    assertEquals("allowed", inside.evalDecisionAsString());
    assertEquals(List.of(), inside.missingContextValues());

    EvaluationResult outside =
        custom(
                SimulateCustomPolicyRequest.builder()
                    .policyInputList(FROM_OFFICE)
                    .actionNames("s3:GetObject")
                    .contextEntries(entry("aws:SourceIp", "ip", "192.0.2.1")))
            .evaluationResults()
            .get(0);
    assertEquals("implicitDeny", outside.evalDecisionAsString());
    assertEquals(List.of(), outside.missingContextValues());
  }

  @Test
  void explicitDenyListsTheDenyAndTheAllowItOverrules() {
    EvaluationResult r =
        custom(
                SimulateCustomPolicyRequest.builder()
                    .policyInputList(ALLOW_S3, DENY_DELETE)
                    .actionNames("s3:DeleteObject"))
            .evaluationResults()
            .get(0);
    assertEquals("explicitDeny", r.evalDecisionAsString());
    assertEquals(
        List.of("PolicyInputList.1", "PolicyInputList.2"),
        r.matchedStatements().stream().map(Statement::sourcePolicyId).toList());
  }

  @Test
  void resourcesAddPerResourceResultsAndEmptyDetailsWithinOneAccount() {
    SimulateCustomPolicyResponse response =
        custom(
            SimulateCustomPolicyRequest.builder()
                .policyInputList(S3_READ)
                .actionNames("s3:GetObject", "s3:PutObject")
                .resourceArns("arn:aws:s3:::b/k"));
    assertEquals(2, response.evaluationResults().size());
    EvaluationResult get = response.evaluationResults().get(0);
    assertEquals("arn:aws:s3:::b/k", get.evalResourceName());
    assertTrue(get.hasEvalDecisionDetails());
    assertEquals(Map.of(), get.evalDecisionDetailsAsStrings());
    assertEquals(1, get.resourceSpecificResults().size());
    assertEquals("allowed", get.resourceSpecificResults().get(0).evalResourceDecisionAsString());
    assertEquals(get.matchedStatements(), get.resourceSpecificResults().get(0).matchedStatements());
    assertEquals(
        "implicitDeny",
        response
            .evaluationResults()
            .get(1)
            .resourceSpecificResults()
            .get(0)
            .evalResourceDecisionAsString());
  }

  @Test
  void resourcePolicyNamingTheCallerGrantsAndAcrossAccountsBothSidesCount() {
    String bucketPolicy =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
            + "\"arn:aws:iam::"
            + ACCOUNT
            + ":user/ann\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}";
    String nothing =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ec2:*\","
            + "\"Resource\":\"*\"}]}";
    EvaluationResult same =
        custom(
                SimulateCustomPolicyRequest.builder()
                    .policyInputList(nothing)
                    .actionNames("s3:GetObject")
                    .resourceArns("arn:aws:s3:::b/k")
                    .resourcePolicy(bucketPolicy)
                    .callerArn("arn:aws:iam::" + ACCOUNT + ":user/ann"))
            .evaluationResults()
            .get(0);
    assertEquals("allowed", same.evalDecisionAsString());
    assertEquals("ResourcePolicy", same.matchedStatements().get(0).sourcePolicyId());
    assertEquals("Resource Policy", same.matchedStatements().get(0).sourcePolicyTypeAsString());
    assertEquals(Map.of(), same.evalDecisionDetailsAsStrings());

    EvaluationResult cross =
        custom(
                SimulateCustomPolicyRequest.builder()
                    .policyInputList(nothing)
                    .actionNames("s3:GetObject")
                    .resourceArns("arn:aws:s3:::b/k")
                    .resourcePolicy(bucketPolicy)
                    .resourceOwner("arn:aws:iam::210987654321:root")
                    .callerArn("arn:aws:iam::" + ACCOUNT + ":user/ann"))
            .evaluationResults()
            .get(0);
    assertEquals("implicitDeny", cross.evalDecisionAsString());
    assertEquals(
        Map.of("IAM Policy", "implicitDeny", "Resource Policy", "allowed"),
        cross.evalDecisionDetailsAsStrings());
    assertEquals(
        cross.evalDecisionDetailsAsStrings(),
        cross.resourceSpecificResults().get(0).evalDecisionDetailsAsStrings());
  }

  @Test
  void resourcePolicyNeedsACallerAndAResource() {
    String bucketPolicy =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}";
    fails(
        AwsError.INVALID_INPUT,
        "Invalid caller - Caller cannot be null or empty.",
        () ->
            custom(
                SimulateCustomPolicyRequest.builder()
                    .policyInputList(S3_READ)
                    .actionNames("s3:GetObject")
                    .resourceArns("arn:aws:s3:::b/k")
                    .resourcePolicy(bucketPolicy)));
    fails(
        AwsError.INVALID_INPUT,
        "Invalid Entity Arn: * does not clearly define entity type and name.",
        () ->
            custom(
                SimulateCustomPolicyRequest.builder()
                    .policyInputList(S3_READ)
                    .actionNames("s3:GetObject")
                    .resourcePolicy(bucketPolicy)
                    .callerArn("arn:aws:iam::" + ACCOUNT + ":user/ann")));
    fails(
        AwsError.INVALID_INPUT,
        "Invalid caller - Caller must be an IAM user in this context.",
        () ->
            custom(
                SimulateCustomPolicyRequest.builder()
                    .policyInputList(S3_READ)
                    .actionNames("s3:GetObject")
                    .callerArn("arn:aws:iam::" + ACCOUNT + ":role/app")));
  }

  @Test
  void boundaryDecisionIsReported() {
    EvaluationResult r =
        custom(
                SimulateCustomPolicyRequest.builder()
                    .policyInputList(ALLOW_S3)
                    .permissionsBoundaryPolicyInputList(S3_READ)
                    .actionNames("s3:PutObject", "s3:GetObject"))
            .evaluationResults()
            .get(0);
    assertEquals("implicitDeny", r.evalDecisionAsString());
    assertFalse(r.permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary());
    fails(
        AwsError.INVALID_INPUT,
        "The list of Permissions Boundary policies cannot exceed 1 items.",
        () ->
            custom(
                SimulateCustomPolicyRequest.builder()
                    .policyInputList(ALLOW_S3)
                    .permissionsBoundaryPolicyInputList(S3_READ, S3_READ)
                    .actionNames("s3:PutObject")));
  }

  @Test
  void resultsArePagedInActionThenResourceOrder() {
    SimulateCustomPolicyRequest.Builder request =
        SimulateCustomPolicyRequest.builder()
            .policyInputList(S3_READ)
            .actionNames("s3:GetObject", "s3:PutObject")
            .resourceArns("arn:aws:s3:::b/1", "arn:aws:s3:::b/2")
            .maxItems(3);
    SimulateCustomPolicyResponse first = custom(request);
    assertTrue(first.isTruncated());
    assertEquals(
        List.of(
            "s3:GetObject arn:aws:s3:::b/1",
            "s3:GetObject arn:aws:s3:::b/2",
            "s3:PutObject arn:aws:s3:::b/1"),
        first.evaluationResults().stream()
            .map(r -> r.evalActionName() + " " + r.evalResourceName())
            .toList());
    SimulateCustomPolicyResponse second = custom(request.marker(first.marker()));
    assertFalse(second.isTruncated());
    assertNull(second.marker());
    assertEquals(1, second.evaluationResults().size());
    assertEquals("arn:aws:s3:::b/2", second.evaluationResults().get(0).evalResourceName());
  }

  @Test
  void contextEntriesAreCheckedAsTheSimulatorChecksThem() {
    record Case(ContextEntry entry, String message) {}
    List<Case> cases =
        List.of(
            new Case(
                entry("aws:MultiFactorAuthAge", "numeric", "soon"),
                "Invalid context value for key aws:MultiFactorAuthAge: expected numeric format."),
            new Case(
                entry("aws:SourceIp", "ipList", "10.0.0.1", "nope"),
                "Invalid context value for key aws:SourceIp: expected IP address."),
            new Case(
                entry("aws:CurrentTime", "date", "yesterday"),
                "Invalid context value for key aws:CurrentTime: expected DateTime format."),
            new Case(
                entry("s3:x-amz-content-sha256", "binary", "***"),
                "Invalid context value for key s3:x-amz-content-sha256: expected base-64 encoded"
                    + " binary format."),
            new Case(
                ContextEntry.builder().contextKeyName("stack:key").contextKeyValues("yes").build(),
                "Context key stack:key has invalid type null."),
            new Case(
                ContextEntry.builder().contextKeyName("stack:key").contextKeyType("string").build(),
                "Context values for context key stack:key cannot be null or empty."),
            new Case(
                ContextEntry.builder().contextKeyType("string").contextKeyValues("yes").build(),
                "ContextKeyName cannot be null or empty."),
            new Case(
                entry("stack:key", "string", "a", "b"),
                "Context key string expected a single value, but received 2."));
    for (Case c : cases) {
      fails(
          AwsError.INVALID_INPUT,
          c.message(),
          () ->
              custom(
                  SimulateCustomPolicyRequest.builder()
                      .policyInputList(S3_READ)
                      .actionNames("s3:GetObject")
                      .contextEntries(c.entry())));
    }
    fails(
        AwsError.INVALID_INPUT,
        "Duplicate context key: AWS:SourceIp.",
        () ->
            custom(
                SimulateCustomPolicyRequest.builder()
                    .policyInputList(S3_READ)
                    .actionNames("s3:GetObject")
                    .contextEntries(
                        entry("aws:SourceIp", "ip", "10.0.0.1"),
                        entry("AWS:SourceIp", "ip", "10.0.0.2"))));
    fails(
        AwsError.VALIDATION_ERROR,
        null,
        () ->
            custom(
                SimulateCustomPolicyRequest.builder()
                    .policyInputList(S3_READ)
                    .actionNames("s3:GetObject")
                    .contextEntries(entry("aws:SourceIp", "address", "10.0.0.1"))));
  }

  @Test
  void everyContextKeyTypeIsAccepted() {
    SimulateCustomPolicyResponse r =
        custom(
            SimulateCustomPolicyRequest.builder()
                .policyInputList(S3_READ)
                .actionNames("s3:GetObject")
                .contextEntries(
                    entry("kata:string", "string", "a"),
                    entry("kata:stringList", "stringList", "a", "b"),
                    entry("kata:numeric", "numeric", "1.5"),
                    entry("kata:numericList", "numericList", "1", "+2", "1e3"),
                    entry("kata:boolean", "boolean", "true"),
                    entry("kata:booleanList", "booleanList", "true", "false"),
                    entry("kata:ip", "ip", "2001:db8::1"),
                    entry("kata:ipList", "ipList", "10.0.0.1", "10.0.0.0/8"),
                    entry("kata:binary", "binary", "YQ=="),
                    entry("kata:binaryList", "binaryList", "YQ==", "Yg=="),
                    entry("kata:date", "date", "2035-01-02T03:04:05Z"),
                    entry("kata:dateList", "dateList", "2035", "1735787045")));
    assertEquals("allowed", r.evaluationResults().get(0).evalDecisionAsString());
  }

  @Test
  void malformedInputPoliciesAreRefused() {
    fails(
        AwsError.MALFORMED_POLICY_DOCUMENT,
        "Syntax errors in policy.",
        () ->
            custom(
                SimulateCustomPolicyRequest.builder()
                    .policyInputList("{not json")
                    .actionNames("s3:GetObject")));
    fails(
        AwsError.VALIDATION_ERROR,
        "1 validation error detected: Value null at 'actionNames' failed to satisfy constraint:"
            + " Member must not be null",
        () -> custom(SimulateCustomPolicyRequest.builder().policyInputList(S3_READ)));
  }

  @Test
  void principalSimulationGathersUserAndGroupPolicies() {
    call("CreateUser", CreateUserRequest.builder().userName("ann").build());
    call(
        "PutUserPolicy",
        PutUserPolicyRequest.builder()
            .userName("ann")
            .policyName("read")
            .policyDocument(S3_READ)
            .build());
    call("CreateGroup", CreateGroupRequest.builder().groupName("devs").build());
    call(
        "AddUserToGroup",
        AddUserToGroupRequest.builder().groupName("devs").userName("ann").build());
    call(
        "PutGroupPolicy",
        PutGroupPolicyRequest.builder()
            .groupName("devs")
            .policyName("no-delete")
            .policyDocument(DENY_DELETE)
            .build());
    call(
        "AttachGroupPolicy",
        AttachGroupPolicyRequest.builder().groupName("devs").policyArn(READ_ONLY_ARN).build());

    SimulatePrincipalPolicyResponse r =
        call(
            "SimulatePrincipalPolicy",
            SimulatePrincipalPolicyRequest.builder()
                .policySourceArn("arn:aws:iam::" + ACCOUNT + ":user/ann")
                .actionNames("s3:GetObject", "s3:DeleteObject", "iam:CreateUser")
                .build());
    EvaluationResult get = r.evaluationResults().get(0);
    assertEquals("allowed", get.evalDecisionAsString());
    assertEquals(
        List.of("user_ann_read", "ReadOnlyAccess"),
        get.matchedStatements().stream().map(Statement::sourcePolicyId).toList());
    EvaluationResult delete = r.evaluationResults().get(1);
    assertEquals("explicitDeny", delete.evalDecisionAsString());
    assertEquals(
        List.of("group_devs_no-delete", "ReadOnlyAccess"),
        delete.matchedStatements().stream().map(Statement::sourcePolicyId).toList());
  }

  @Test
  void principalSimulationOfARoleAppliesItsBoundary() {
    call(
        "CreateRole",
        CreateRoleRequest.builder().roleName("app").assumeRolePolicyDocument(TRUST_EC2).build());
    call(
        "PutRolePolicy",
        PutRolePolicyRequest.builder()
            .roleName("app")
            .policyName("all-s3")
            .policyDocument(ALLOW_S3)
            .build());
    CreatePolicyResponse boundary =
        call(
            "CreatePolicy",
            CreatePolicyRequest.builder()
                .policyName("read-only-s3")
                .policyDocument(S3_READ)
                .build());
    call(
        "PutRolePermissionsBoundary",
        PutRolePermissionsBoundaryRequest.builder()
            .roleName("app")
            .permissionsBoundary(boundary.policy().arn())
            .build());

    SimulatePrincipalPolicyResponse r =
        call(
            "SimulatePrincipalPolicy",
            SimulatePrincipalPolicyRequest.builder()
                .policySourceArn("arn:aws:iam::" + ACCOUNT + ":role/app")
                .actionNames("s3:GetObject", "s3:PutObject")
                .build());
    EvaluationResult get = r.evaluationResults().get(0);
    assertEquals("allowed", get.evalDecisionAsString());
    assertTrue(get.permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary());
    assertEquals("role_app_all-s3", get.matchedStatements().get(0).sourcePolicyId());
    EvaluationResult put = r.evaluationResults().get(1);
    assertEquals("implicitDeny", put.evalDecisionAsString());
    assertFalse(put.permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary());

    // a boundary in the request replaces the role's own
    EvaluationResult replaced =
        ((SimulatePrincipalPolicyResponse)
                call(
                    "SimulatePrincipalPolicy",
                    SimulatePrincipalPolicyRequest.builder()
                        .policySourceArn("arn:aws:iam::" + ACCOUNT + ":role/app")
                        .permissionsBoundaryPolicyInputList(ALLOW_S3)
                        .actionNames("s3:PutObject")
                        .build()))
            .evaluationResults()
            .get(0);
    assertEquals("allowed", replaced.evalDecisionAsString());

    fails(
        AwsError.INVALID_INPUT,
        "Invalid caller - Caller must be an IAM user in this context.",
        () ->
            call(
                "SimulatePrincipalPolicy",
                SimulatePrincipalPolicyRequest.builder()
                    .policySourceArn("arn:aws:iam::" + ACCOUNT + ":role/app")
                    .actionNames("s3:GetObject")
                    .resourceArns("arn:aws:s3:::b/k")
                    .resourcePolicy(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}")
                    .build()));
  }

  @Test
  void principalSourceMustBeAnExistingEntityOfTheCallersAccount() {
    fails(
        AwsError.NO_SUCH_ENTITY,
        "The user with name ghost cannot be found.",
        () ->
            call(
                "SimulatePrincipalPolicy",
                SimulatePrincipalPolicyRequest.builder()
                    .policySourceArn("arn:aws:iam::" + ACCOUNT + ":user/ghost")
                    .actionNames("s3:GetObject")
                    .build()));
    fails(
        AwsError.INVALID_INPUT,
        "Invalid Entity Arn: arn:aws:sts::"
            + ACCOUNT
            + ":assumed-role/app/s does not clearly define entity type and name.",
        () ->
            call(
                "SimulatePrincipalPolicy",
                SimulatePrincipalPolicyRequest.builder()
                    .policySourceArn("arn:aws:sts::" + ACCOUNT + ":assumed-role/app/s")
                    .actionNames("s3:GetObject")
                    .build()));
    fails(
        AwsError.INVALID_INPUT,
        "Invalid Policy Source Arn: caller's account "
            + ACCOUNT
            + " does not have access to policies in account 210987654321",
        () ->
            call(
                "GetContextKeysForPrincipalPolicy",
                GetContextKeysForPrincipalPolicyRequest.builder()
                    .policySourceArn("arn:aws:iam::210987654321:user/ann")
                    .build()));
  }

  @Test
  void contextKeysOfCustomAndPrincipalPolicies() {
    GetContextKeysForCustomPolicyResponse custom =
        call(
            "GetContextKeysForCustomPolicy",
            GetContextKeysForCustomPolicyRequest.builder()
                .policyInputList(FROM_OFFICE, S3_READ, FROM_OFFICE)
                .build());
    assertEquals(List.of("aws:SourceIp"), custom.contextKeyNames());

    call("CreateUser", CreateUserRequest.builder().userName("ann").build());
    call(
        "PutUserPolicy",
        PutUserPolicyRequest.builder()
            .userName("ann")
            .policyName("home")
            .policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                    + "\"s3:*\",\"Resource\":\"arn:aws:s3:::home/${aws:username}/*\"}]}")
            .build());
    GetContextKeysForPrincipalPolicyResponse principal =
        call(
            "GetContextKeysForPrincipalPolicy",
            GetContextKeysForPrincipalPolicyRequest.builder()
                .policySourceArn("arn:aws:iam::" + ACCOUNT + ":user/ann")
                .policyInputList(FROM_OFFICE)
                .build());
    assertEquals(List.of("aws:username", "aws:SourceIp"), principal.contextKeyNames());
  }

  @Test
  void principalSimulationFillsInTheCallersUserName() {
    call("CreateUser", CreateUserRequest.builder().userName("ann").build());
    call(
        "PutUserPolicy",
        PutUserPolicyRequest.builder()
            .userName("ann")
            .policyName("home")
            .policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                    + "\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::home/${aws:username}/*\"}]}")
            .build());
    SimulatePrincipalPolicyResponse r =
        call(
            "SimulatePrincipalPolicy",
            SimulatePrincipalPolicyRequest.builder()
                .policySourceArn("arn:aws:iam::" + ACCOUNT + ":user/ann")
                .actionNames("s3:GetObject")
                .resourceArns("arn:aws:s3:::home/ann/notes", "arn:aws:s3:::home/bob/notes")
                .build());
    assertEquals("allowed", r.evaluationResults().get(0).evalDecisionAsString());
    EvaluationResult other = r.evaluationResults().get(1);
    assertEquals("implicitDeny", other.evalDecisionAsString());
    // filled in, not supplied: still reported as missing
    assertEquals(List.of("aws:username"), other.missingContextValues());
  }
}
