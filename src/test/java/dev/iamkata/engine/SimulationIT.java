package dev.iamkata.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.Position;
import software.amazon.awssdk.services.iam.model.ResourceSpecificResult;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyResponse;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;
import software.amazon.awssdk.services.iam.model.Statement;

/**
 * The policy simulator over real HTTP with the AWS SDK for Java v2: decisions, matched statements
 * with positions, missing context values, boundaries, resource-based policies, pagination,
 * SimulatePrincipalPolicy for users with group policies and roles with a boundary, the context key
 * listings, and the authorization of the simulator calls themselves.
 */
class SimulationIT {
  static final String ACCOUNT = TestEngine.ACCOUNT;
  static final String S3_READ =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
          + "\"Resource\":\"*\"}]}";
  static final String ALLOW_S3 =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
          + "\"Resource\":\"*\"}]}";
  // pretty-printed, so positions span lines: statement 1 is lines 3-8, statement 2 lines 8-14
  static final String MIXED =
      "{\n"
          + "  \"Version\": \"2012-10-17\",\n"
          + "  \"Statement\": [\n"
          + "    {\n"
          + "      \"Effect\": \"Allow\",\n"
          + "      \"Action\": \"s3:*\",\n"
          + "      \"Resource\": \"*\"\n"
          + "    },\n"
          + "    {\n"
          + "      \"Sid\": \"NoDelete\",\n"
          + "      \"Effect\": \"Deny\",\n"
          + "      \"Action\": \"s3:DeleteObject\",\n"
          + "      \"Resource\": \"*\"\n"
          + "    }\n"
          + "  ]\n"
          + "}";
  static final String FROM_OFFICE =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
          + "\"Resource\":\"*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"},"
          + "\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}";

  static TestEngine engine;
  static IamClient admin;

  @BeforeAll
  static void setUp() {
    engine = TestEngine.start();
    admin = engine.adminIam();
  }

  @AfterAll
  static void tearDown() {
    engine.close();
  }

  static Statement statement(String id, String type, int l1, int c1, int l2, int c2) {
    return Statement.builder()
        .sourcePolicyId(id)
        .sourcePolicyType(type)
        .startPosition(Position.builder().line(l1).column(c1).build())
        .endPosition(Position.builder().line(l2).column(c2).build())
        .build();
  }

  static ContextEntry entry(String name, ContextKeyTypeEnum type, String... values) {
    return ContextEntry.builder()
        .contextKeyName(name)
        .contextKeyType(type)
        .contextKeyValues(values)
        .build();
  }

  static EvaluationResult only(SimulateCustomPolicyResponse response) {
    assertEquals(1, response.evaluationResults().size());
    return response.evaluationResults().get(0);
  }

  @Test
  void allowedExplicitDenyAndImplicitDenyWithStatementPositions() {
    List<EvaluationResult> results =
        admin
            .simulateCustomPolicy(
                r ->
                    r.policyInputList(MIXED)
                        .actionNames("s3:GetObject", "s3:DeleteObject", "ec2:RunInstances"))
            .evaluationResults();
    Statement allow = statement("PolicyInputList.1", "IAM Policy", 3, 17, 8, 6);
    Statement deny = statement("PolicyInputList.1", "IAM Policy", 8, 6, 14, 6);

    assertEquals("allowed", results.get(0).evalDecisionAsString());
    assertEquals("*", results.get(0).evalResourceName());
    assertEquals(List.of(allow), results.get(0).matchedStatements());
    assertEquals("explicitDeny", results.get(1).evalDecisionAsString());
    assertEquals(List.of(allow, deny), results.get(1).matchedStatements());
    assertEquals("implicitDeny", results.get(2).evalDecisionAsString());
    assertEquals(List.of(), results.get(2).matchedStatements());
    assertEquals(List.of(), results.get(2).missingContextValues());
  }

  @Test
  void missingContextValuesUntilTheKeysAreSupplied() {
    EvaluationResult missing =
        only(
            admin.simulateCustomPolicy(
                r -> r.policyInputList(FROM_OFFICE).actionNames("s3:GetObject")));
    assertEquals("implicitDeny", missing.evalDecisionAsString());
    assertEquals(
        List.of("aws:SourceIp", "aws:MultiFactorAuthPresent"), missing.missingContextValues());

    EvaluationResult supplied =
        only(
            admin.simulateCustomPolicy(
                r ->
                    r.policyInputList(FROM_OFFICE)
                        .actionNames("s3:GetObject")
                        .contextEntries(
                            entry("aws:SourceIp", ContextKeyTypeEnum.IP, "10.20.30.40"),
                            entry(
                                "aws:MultiFactorAuthPresent",
                                ContextKeyTypeEnum.BOOLEAN,
                                "true"))));
    assertEquals("allowed", supplied.evalDecisionAsString());
    assertEquals(List.of(), supplied.missingContextValues());
  }

  @Test
  void invalidContextValuesAndPoliciesAreRefused() {
    AwsServiceException numeric =
        assertThrows(
            AwsServiceException.class,
            () ->
                admin.simulateCustomPolicy(
                    r ->
                        r.policyInputList(S3_READ)
                            .actionNames("s3:GetObject")
                            .contextEntries(
                                entry(
                                    "aws:MultiFactorAuthAge", ContextKeyTypeEnum.NUMERIC, "ten"))));
    assertEquals("InvalidInput", numeric.awsErrorDetails().errorCode());
    assertEquals(
        "Invalid context value for key aws:MultiFactorAuthAge: expected numeric format.",
        numeric.awsErrorDetails().errorMessage());

    AwsServiceException malformed =
        assertThrows(
            AwsServiceException.class,
            () ->
                admin.simulateCustomPolicy(
                    r -> r.policyInputList("{\"Statement\":[]}").actionNames("s3:GetObject")));
    assertEquals("MalformedPolicyDocument", malformed.awsErrorDetails().errorCode());
  }

  @Test
  void boundaryLimitsTheIdentityPolicies() {
    SimulateCustomPolicyResponse response =
        admin.simulateCustomPolicy(
            r ->
                r.policyInputList(ALLOW_S3)
                    .permissionsBoundaryPolicyInputList(S3_READ)
                    .actionNames("s3:GetObject", "s3:PutObject"));
    EvaluationResult get = response.evaluationResults().get(0);
    assertEquals("allowed", get.evalDecisionAsString());
    assertTrue(get.permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary());
    EvaluationResult put = response.evaluationResults().get(1);
    assertEquals("implicitDeny", put.evalDecisionAsString());
    assertFalse(put.permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary());
  }

  @Test
  void resourcePolicyWithPerResourceResults() {
    String bucketPolicy =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::"
            + ACCOUNT
            + ":user/reader\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"},"
            + "{\"Sid\":\"NoDelete\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":"
            + "\"s3:DeleteObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}";
    SimulateCustomPolicyResponse response =
        admin.simulateCustomPolicy(
            r ->
                r.policyInputList(ALLOW_S3.replace("s3:*", "s3:DeleteObject"))
                    .actionNames("s3:GetObject", "s3:DeleteObject")
                    .resourceArns("arn:aws:s3:::b/report.csv")
                    .resourcePolicy(bucketPolicy)
                    .callerArn("arn:aws:iam::" + ACCOUNT + ":user/reader"));
    EvaluationResult get = response.evaluationResults().get(0);
    assertEquals("allowed", get.evalDecisionAsString());
    assertEquals("arn:aws:s3:::b/report.csv", get.evalResourceName());
    assertEquals(
        List.of(statement("ResourcePolicy", "Resource Policy", 1, 38, 1, 183)),
        get.matchedStatements());
    assertEquals(Map.of(), get.evalDecisionDetailsAsStrings());
    ResourceSpecificResult specific = get.resourceSpecificResults().get(0);
    assertEquals("arn:aws:s3:::b/report.csv", specific.evalResourceName());
    assertEquals("allowed", specific.evalResourceDecisionAsString());
    assertEquals(get.matchedStatements(), specific.matchedStatements());

    EvaluationResult delete = response.evaluationResults().get(1);
    assertEquals("explicitDeny", delete.evalDecisionAsString());
    assertEquals(
        List.of("ResourcePolicy", "PolicyInputList.1"),
        delete.matchedStatements().stream().map(Statement::sourcePolicyId).toList());

    EvaluationResult crossAccount =
        admin
            .simulateCustomPolicy(
                r ->
                    r.policyInputList(S3_READ.replace("s3:GetObject", "s3:ListBucket"))
                        .actionNames("s3:GetObject")
                        .resourceArns("arn:aws:s3:::b/report.csv")
                        .resourcePolicy(bucketPolicy)
                        .resourceOwner("arn:aws:iam::210987654321:root")
                        .callerArn("arn:aws:iam::" + ACCOUNT + ":user/reader"))
            .evaluationResults()
            .get(0);
    assertEquals("implicitDeny", crossAccount.evalDecisionAsString());
    assertEquals(
        Map.of("IAM Policy", "implicitDeny", "Resource Policy", "allowed"),
        crossAccount.evalDecisionDetailsAsStrings());
  }

  @Test
  void resultsArePaged() {
    SimulateCustomPolicyRequest request =
        SimulateCustomPolicyRequest.builder()
            .policyInputList(S3_READ)
            .actionNames("s3:GetObject", "s3:PutObject", "s3:ListBucket")
            .resourceArns("arn:aws:s3:::b/1", "arn:aws:s3:::b/2")
            .maxItems(4)
            .build();
    SimulateCustomPolicyResponse first = admin.simulateCustomPolicy(request);
    assertTrue(first.isTruncated());
    assertEquals(4, first.evaluationResults().size());
    SimulateCustomPolicyResponse second =
        admin.simulateCustomPolicy(request.toBuilder().marker(first.marker()).build());
    assertFalse(second.isTruncated());
    assertNull(second.marker());
    assertEquals(
        List.of("s3:ListBucket arn:aws:s3:::b/1", "s3:ListBucket arn:aws:s3:::b/2"),
        second.evaluationResults().stream()
            .map(r -> r.evalActionName() + " " + r.evalResourceName())
            .toList());

    List<EvaluationResult> all = new ArrayList<>();
    admin
        .simulateCustomPolicyPaginator(request.toBuilder().maxItems(1).build())
        .forEach(page -> all.addAll(page.evaluationResults()));
    assertEquals(6, all.size());
  }

  @Test
  void principalSimulationOfAUserWithGroupPolicies() {
    admin.createUser(r -> r.userName("sim-user"));
    admin.putUserPolicy(r -> r.userName("sim-user").policyName("read").policyDocument(S3_READ));
    admin.createGroup(r -> r.groupName("sim-devs"));
    admin.addUserToGroup(r -> r.groupName("sim-devs").userName("sim-user"));
    admin.putGroupPolicy(r -> r.groupName("sim-devs").policyName("devs").policyDocument(MIXED));
    admin.attachGroupPolicy(
        r -> r.groupName("sim-devs").policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));

    SimulatePrincipalPolicyResponse response =
        admin.simulatePrincipalPolicy(
            r ->
                r.policySourceArn("arn:aws:iam::" + ACCOUNT + ":user/sim-user")
                    .actionNames("s3:GetObject", "s3:DeleteObject", "iam:CreateUser"));
    EvaluationResult get = response.evaluationResults().get(0);
    assertEquals("allowed", get.evalDecisionAsString());
    assertEquals(
        List.of("user_sim-user_read", "group_sim-devs_devs", "ReadOnlyAccess"),
        get.matchedStatements().stream().map(Statement::sourcePolicyId).toList());
    assertEquals(
        statement("group_sim-devs_devs", "IAM Policy", 3, 17, 8, 6),
        get.matchedStatements().get(1));
    EvaluationResult delete = response.evaluationResults().get(1);
    assertEquals("explicitDeny", delete.evalDecisionAsString());
    assertTrue(
        delete
            .matchedStatements()
            .contains(statement("group_sim-devs_devs", "IAM Policy", 8, 6, 14, 6)));
    assertEquals("implicitDeny", response.evaluationResults().get(2).evalDecisionAsString());

    AwsServiceException missing =
        assertThrows(
            AwsServiceException.class,
            () ->
                admin.simulatePrincipalPolicy(
                    r ->
                        r.policySourceArn("arn:aws:iam::" + ACCOUNT + ":user/nobody")
                            .actionNames("s3:GetObject")));
    assertEquals("NoSuchEntity", missing.awsErrorDetails().errorCode());
    assertEquals(
        "The user with name nobody cannot be found.", missing.awsErrorDetails().errorMessage());
  }

  @Test
  void principalSimulationOfARoleWithABoundary() {
    admin.createRole(
        r ->
            r.roleName("sim-role")
                .assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},"
                        + "\"Action\":\"sts:AssumeRole\"}]}"));
    admin.attachRolePolicy(
        r -> r.roleName("sim-role").policyArn("arn:aws:iam::aws:policy/AdministratorAccess"));
    String boundaryArn =
        admin
            .createPolicy(r -> r.policyName("sim-boundary").policyDocument(ALLOW_S3))
            .policy()
            .arn();
    admin.putRolePermissionsBoundary(r -> r.roleName("sim-role").permissionsBoundary(boundaryArn));

    SimulatePrincipalPolicyResponse response =
        admin.simulatePrincipalPolicy(
            r ->
                r.policySourceArn("arn:aws:iam::" + ACCOUNT + ":role/sim-role")
                    .actionNames("s3:PutObject", "iam:CreateUser"));
    EvaluationResult put = response.evaluationResults().get(0);
    assertEquals("allowed", put.evalDecisionAsString());
    assertEquals("AdministratorAccess", put.matchedStatements().get(0).sourcePolicyId());
    assertTrue(put.permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary());
    EvaluationResult create = response.evaluationResults().get(1);
    assertEquals("implicitDeny", create.evalDecisionAsString());
    assertFalse(create.permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary());
  }

  @Test
  void contextKeyListings() {
    assertEquals(
        List.of("aws:SourceIp", "aws:MultiFactorAuthPresent"),
        admin
            .getContextKeysForCustomPolicy(r -> r.policyInputList(FROM_OFFICE, S3_READ))
            .contextKeyNames());

    admin.createUser(r -> r.userName("keys-user"));
    admin.putUserPolicy(
        r ->
            r.userName("keys-user")
                .policyName("home")
                .policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                        + "\"s3:*\",\"Resource\":\"arn:aws:s3:::home/${aws:username}/*\"}]}"));
    assertEquals(
        List.of("aws:username", "aws:SourceIp", "aws:MultiFactorAuthPresent"),
        admin
            .getContextKeysForPrincipalPolicy(
                r ->
                    r.policySourceArn("arn:aws:iam::" + ACCOUNT + ":user/keys-user")
                        .policyInputList(FROM_OFFICE))
            .contextKeyNames());
  }

  @Test
  void theSimulatorCallsAreAuthorizedThemselves() {
    admin.createUser(r -> r.userName("no-sim"));
    AccessKey key = admin.createAccessKey(r -> r.userName("no-sim")).accessKey();
    AwsCredentials creds = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    IamClient noSim = engine.iam(creds);
    AwsServiceException custom =
        assertThrows(
            AwsServiceException.class,
            () ->
                noSim.simulateCustomPolicy(
                    r -> r.policyInputList(S3_READ).actionNames("s3:GetObject")));
    assertEquals("AccessDenied", custom.awsErrorDetails().errorCode());
    assertEquals(
        "User: arn:aws:iam::"
            + ACCOUNT
            + ":user/no-sim is not authorized to perform: iam:SimulateCustomPolicy on resource: *"
            + " because no identity-based policy allows the iam:SimulateCustomPolicy action",
        custom.awsErrorDetails().errorMessage());
    AwsServiceException principal =
        assertThrows(
            AwsServiceException.class,
            () ->
                noSim.simulatePrincipalPolicy(
                    r ->
                        r.policySourceArn("arn:aws:iam::" + ACCOUNT + ":user/no-sim")
                            .actionNames("s3:GetObject")));
    assertEquals(
        "User: arn:aws:iam::"
            + ACCOUNT
            + ":user/no-sim is not authorized to perform: iam:SimulatePrincipalPolicy on resource:"
            + " arn:aws:iam::"
            + ACCOUNT
            + ":user/no-sim because no identity-based policy allows the"
            + " iam:SimulatePrincipalPolicy action",
        principal.awsErrorDetails().errorMessage());
  }
}
