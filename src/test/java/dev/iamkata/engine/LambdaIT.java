package dev.iamkata.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** Lambda through the SDK's {@code LambdaClient}: rest-json routing, PassRole and trust checks. */
class LambdaIT {
  static final String ACCOUNT = TestEngine.ACCOUNT;
  static final String LAMBDA_TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
  static final String EC2_TRUST = LAMBDA_TRUST.replace("lambda.", "ec2.");
  static final byte[] ZIP = {'P', 'K', 3, 4, 0, 0};

  TestEngine engine;
  IamClient iam;
  LambdaClient admin;
  String roleArn;
  String ec2RoleArn;

  @BeforeEach
  void setUp() {
    engine = TestEngine.start();
    iam = engine.adminIam();
    admin = engine.lambda(TestEngine.admin());
    roleArn =
        iam.createRole(r -> r.roleName("fn-role").assumeRolePolicyDocument(LAMBDA_TRUST))
            .role()
            .arn();
    ec2RoleArn =
        iam.createRole(r -> r.roleName("ec2-role").assumeRolePolicyDocument(EC2_TRUST))
            .role()
            .arn();
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  CreateFunctionResponse create(LambdaClient client, String name, String role) {
    return client.createFunction(
        r ->
            r.functionName(name)
                .runtime(Runtime.PYTHON3_12)
                .handler("index.handler")
                .role(role)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(ZIP))));
  }

  AwsCredentials user(String name, String policy) {
    iam.createUser(r -> r.userName(name));
    iam.putUserPolicy(r -> r.userName(name).policyName("p").policyDocument(policy));
    AccessKey key = iam.createAccessKey(r -> r.userName(name)).accessKey();
    return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
  }

  @Test
  void adminCreatesGetsListsUpdatesAndDeletes() {
    CreateFunctionResponse created = create(admin, "f1", roleArn);
    String arn = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:f1";
    assertEquals(arn, created.functionArn());
    assertEquals(roleArn, created.role());
    assertEquals(Long.valueOf(ZIP.length), created.codeSize());
    assertEquals(201, created.sdkHttpResponse().statusCode());

    GetFunctionResponse got = admin.getFunction(r -> r.functionName("f1"));
    assertEquals("index.handler", got.configuration().handler());
    assertEquals(Runtime.PYTHON3_12, got.configuration().runtime());
    assertEquals(arn, admin.getFunction(r -> r.functionName(arn)).configuration().functionArn());

    List<FunctionConfiguration> all = admin.listFunctions().functions();
    assertEquals(List.of("f1"), all.stream().map(FunctionConfiguration::functionName).toList());

    assertEquals(
        30,
        admin
            .updateFunctionConfiguration(r -> r.functionName("f1").timeout(30))
            .timeout()
            .intValue());
    assertEquals(30, admin.getFunctionConfiguration(r -> r.functionName("f1")).timeout());

    ResourceConflictException dup =
        assertThrows(ResourceConflictException.class, () -> create(admin, "f1", roleArn));
    assertEquals(409, dup.statusCode());
    assertEquals("Function already exist: f1", dup.awsErrorDetails().errorMessage());

    admin.deleteFunction(r -> r.functionName("f1"));
    ResourceNotFoundException gone =
        assertThrows(
            ResourceNotFoundException.class, () -> admin.getFunction(r -> r.functionName("f1")));
    assertEquals(404, gone.statusCode());
    assertEquals("Function not found: " + arn, gone.awsErrorDetails().errorMessage());
    assertTrue(admin.listFunctions().functions().isEmpty());
  }

  @Test
  void aRoleLambdaCannotAssumeIsRefused() {
    InvalidParameterValueException e =
        assertThrows(InvalidParameterValueException.class, () -> create(admin, "f1", ec2RoleArn));
    assertEquals(400, e.statusCode());
    assertEquals(
        "The role defined for the function cannot be assumed by Lambda.",
        e.awsErrorDetails().errorMessage());
    String missing = "arn:aws:iam::" + ACCOUNT + ":role/no-such-role";
    assertThrows(InvalidParameterValueException.class, () -> create(admin, "f1", missing));
    create(admin, "f1", roleArn);
    assertThrows(
        InvalidParameterValueException.class,
        () -> admin.updateFunctionConfiguration(r -> r.functionName("f1").role(ec2RoleArn)));
  }

  @Test
  void creatingNeedsPassRoleForLambda() {
    LambdaClient dev =
        engine.lambda(
            user(
                "dev",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Action\":\"lambda:*\",\"Resource\":\"*\"}]}"));
    LambdaException e = assertThrows(LambdaException.class, () -> create(dev, "f1", roleArn));
    assertEquals(403, e.statusCode());
    assertEquals("AccessDeniedException", e.awsErrorDetails().errorCode());
    assertEquals(
        "User: arn:aws:iam::"
            + ACCOUNT
            + ":user/dev is not authorized to perform: iam:PassRole on resource: "
            + roleArn
            + " because no identity-based policy allows the iam:PassRole action",
        e.awsErrorDetails().errorMessage());

    // PassRole limited to Lambda by iam:PassedToService
    LambdaClient ops =
        engine.lambda(
            user(
                "ops",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Action\":\"lambda:*\",\"Resource\":\"*\"},{\"Effect\":\"Allow\","
                    + "\"Action\":\"iam:PassRole\",\"Resource\":\"*\",\"Condition\":"
                    + "{\"StringEquals\":{\"iam:PassedToService\":\"lambda.amazonaws.com\"}}}]}"));
    assertEquals("f2", create(ops, "f2", roleArn).functionName());
  }

  @Test
  void lambdaActionsAreAuthorizedOnTheFunctionArn() {
    create(admin, "f1", roleArn);
    LambdaClient reader =
        engine.lambda(
            user(
                "reader",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Action\":\"lambda:GetFunction\",\"Resource\":"
                    + "\"arn:aws:lambda:us-east-1:"
                    + ACCOUNT
                    + ":function:f1\"}]}"));
    assertEquals(
        "f1", reader.getFunction(r -> r.functionName("f1")).configuration().functionName());
    LambdaException e = assertThrows(LambdaException.class, () -> reader.listFunctions());
    assertTrue(
        e.awsErrorDetails().errorMessage().contains("lambda:ListFunctions"),
        e.awsErrorDetails().errorMessage());
    LambdaException del =
        assertThrows(LambdaException.class, () -> reader.deleteFunction(r -> r.functionName("f1")));
    assertEquals(403, del.statusCode());
  }
}
