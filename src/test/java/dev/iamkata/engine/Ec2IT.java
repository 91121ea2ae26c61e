package dev.iamkata.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.iam.IamClient;

/** EC2 over HTTP with the AWS SDK for Java v2: describes, instances, profiles, denials. */
class Ec2IT {
  static final String ACCOUNT = TestEngine.ACCOUNT;
  static final ObjectMapper JSON = new ObjectMapper();

  TestEngine engine;
  Ec2Client admin;

  @BeforeEach
  void setUp() {
    engine = TestEngine.start();
    admin = engine.ec2(TestEngine.admin());
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  @Test
  void describesTheFixedAndDefaultResources() {
    List<InstanceTypeInfo> types = admin.describeInstanceTypes(b -> {}).instanceTypes();
    assertTrue(types.size() >= 8);
    InstanceTypeInfo micro =
        admin
            .describeInstanceTypes(b -> b.instanceTypesWithStrings("t3.micro"))
            .instanceTypes()
            .get(0);
    assertEquals(2, micro.vCpuInfo().defaultVCpus());
    assertEquals(1024L, micro.memoryInfo().sizeInMiB());
    assertTrue(micro.freeTierEligible());
    assertTrue(
        admin.describeRegions().regions().stream()
            .anyMatch(r -> r.regionName().equals("us-east-1")));
    Vpc vpc = admin.describeVpcs().vpcs().get(0);
    assertTrue(vpc.isDefault());
    assertEquals("172.31.0.0/16", vpc.cidrBlock());
    assertTrue(vpc.vpcId().matches("vpc-[0-9a-f]{17}"));
    assertEquals(vpc.vpcId(), admin.describeVpcs().vpcs().get(0).vpcId());
    assertEquals(
        3,
        admin
            .describeSubnets(b -> b.filters(f -> f.name("vpc-id").values(vpc.vpcId())))
            .subnets()
            .size());
    assertEquals("default", admin.describeSecurityGroups().securityGroups().get(0).groupName());
  }

  @Test
  void runDescribeTerminateWithAnInstanceProfile() {
    IamClient iam = engine.adminIam();
    iam.createRole(
        b ->
            b.roleName("app-role")
                .assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                        + "{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
    iam.createInstanceProfile(b -> b.instanceProfileName("app-profile"));
    iam.addRoleToInstanceProfile(b -> b.instanceProfileName("app-profile").roleName("app-role"));

    Instance launched =
        admin
            .runInstances(
                b ->
                    b.imageId("ami-0123456789abcdef0")
                        .instanceType("t3.micro")
                        .minCount(1)
                        .maxCount(1)
                        .iamInstanceProfile(p -> p.name("app-profile")))
            .instances()
            .get(0);
    assertTrue(launched.instanceId().matches("i-[0-9a-f]{17}"));
    assertEquals(
        "arn:aws:iam::" + ACCOUNT + ":instance-profile/app-profile",
        launched.iamInstanceProfile().arn());

    Instance described =
        admin
            .describeInstances(b -> b.instanceIds(launched.instanceId()))
            .reservations()
            .get(0)
            .instances()
            .get(0);
    assertEquals("running", described.state().nameAsString());
    assertEquals("t3.micro", described.instanceTypeAsString());
    assertEquals(
        launched.instanceId(),
        admin
            .describeIamInstanceProfileAssociations()
            .iamInstanceProfileAssociations()
            .get(0)
            .instanceId());

    var change =
        admin.terminateInstances(b -> b.instanceIds(launched.instanceId())).terminatingInstances();
    assertEquals("shutting-down", change.get(0).currentState().nameAsString());
    assertEquals("running", change.get(0).previousState().nameAsString());
    assertTrue(
        admin.describeIamInstanceProfileAssociations().iamInstanceProfileAssociations().isEmpty());
    Ec2Exception missing =
        assertThrows(
            Ec2Exception.class,
            () -> admin.describeInstances(b -> b.instanceIds("i-0000000000000000a")));
    assertEquals("InvalidInstanceID.NotFound", missing.awsErrorDetails().errorCode());
    assertEquals(
        "The instance ID 'i-0000000000000000a' does not exist",
        missing.awsErrorDetails().errorMessage());
  }

  AwsCredentials user(String name, String policy) {
    IamClient iam = engine.adminIam();
    iam.createUser(b -> b.userName(name));
    if (policy != null) {
      iam.putUserPolicy(b -> b.userName(name).policyName("p").policyDocument(policy));
    }
    var key = iam.createAccessKey(b -> b.userName(name)).accessKey();
    return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
  }

  @Test
  void describeDeniedWithoutEncodedMessage() {
    Ec2Client tanaka = engine.ec2(user("tanaka", null));
    Ec2Exception e = assertThrows(Ec2Exception.class, tanaka::describeVpcs);
    assertEquals("UnauthorizedOperation", e.awsErrorDetails().errorCode());
    assertEquals(403, e.statusCode());
    assertEquals(
        "You are not authorized to perform this operation. User: arn:aws:iam::"
            + ACCOUNT
            + ":user/tanaka is not authorized to perform: ec2:DescribeVpcs because no"
            + " identity-based policy allows the ec2:DescribeVpcs action",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void passRoleRequiredForTheProfileAndTheMessageDecodes() throws Exception {
    IamClient iam = engine.adminIam();
    iam.createRole(
        b ->
            b.roleName("app-role")
                .assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                        + "{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
    iam.createInstanceProfile(b -> b.instanceProfileName("app-profile"));
    iam.addRoleToInstanceProfile(b -> b.instanceProfileName("app-profile").roleName("app-role"));
    AwsCredentials launcher =
        user(
            "launcher",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "[\"ec2:RunInstances\",\"ec2:Describe*\",\"sts:DecodeAuthorizationMessage\"],"
                + "\"Resource\":\"*\"}]}");
    Ec2Client ec2 = engine.ec2(launcher);
    Ec2Exception e =
        assertThrows(
            Ec2Exception.class,
            () ->
                ec2.runInstances(
                    b ->
                        b.imageId("ami-0123456789abcdef0")
                            .minCount(1)
                            .maxCount(1)
                            .iamInstanceProfile(p -> p.name("app-profile"))));
    assertEquals("UnauthorizedOperation", e.awsErrorDetails().errorCode());
    String message = e.awsErrorDetails().errorMessage();
    String prefix =
        "You are not authorized to perform this operation. User: arn:aws:iam::"
            + ACCOUNT
            + ":user/launcher is not authorized to perform: iam:PassRole on resource:"
            + " arn:aws:iam::"
            + ACCOUNT
            + ":role/app-role because no identity-based policy allows the iam:PassRole action."
            + " Encoded authorization failure message: ";
    assertTrue(message.startsWith(prefix), message);
    String encoded = message.substring(prefix.length());
    String decoded =
        engine
            .sts(launcher)
            .decodeAuthorizationMessage(b -> b.encodedMessage(encoded))
            .decodedMessage();
    JsonNode d = JSON.readTree(decoded);
    assertFalse(d.path("allowed").asBoolean());
    assertEquals("iam:PassRole", d.at("/context/action").asText());
    assertEquals("arn:aws:iam::" + ACCOUNT + ":role/app-role", d.at("/context/resource").asText());
    assertEquals(
        "arn:aws:iam::" + ACCOUNT + ":user/launcher", d.at("/context/principal/arn").asText());
    assertEquals("launcher", d.at("/context/principal/name").asText());
    assertTrue(d.at("/context/principal/id").asText().startsWith("AIDA"));

    iam.putUserPolicy(
        b ->
            b.userName("launcher")
                .policyName("pass")
                .policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                        + "\"iam:PassRole\",\"Resource\":\"arn:aws:iam::"
                        + ACCOUNT
                        + ":role/app-role\",\"Condition\":{\"StringEquals\":"
                        + "{\"iam:PassedToService\":\"ec2.amazonaws.com\"}}}]}"));
    assertEquals(
        1,
        ec2.runInstances(
                b ->
                    b.imageId("ami-0123456789abcdef0")
                        .minCount(1)
                        .maxCount(1)
                        .iamInstanceProfile(p -> p.name("app-profile")))
            .instances()
            .size());

    Ec2Exception dry =
        assertThrows(Ec2Exception.class, () -> ec2.describeVpcs(b -> b.dryRun(true)));
    assertEquals("DryRunOperation", dry.awsErrorDetails().errorCode());
    Ec2Exception terminate =
        assertThrows(
            Ec2Exception.class,
            () ->
                ec2.terminateInstances(
                    b ->
                        b.instanceIds(
                            ec2.describeInstances()
                                .reservations()
                                .get(0)
                                .instances()
                                .get(0)
                                .instanceId())));
    assertTrue(
        terminate
            .awsErrorDetails()
            .errorMessage()
            .contains(
                "ec2:TerminateInstances on resource: arn:aws:ec2:us-east-1:"
                    + ACCOUNT
                    + ":instance/i-"),
        terminate.awsErrorDetails().errorMessage());

    AwsCredentials unknown = AwsBasicCredentials.create("AKIAUNKNOWNKEY000000", "secret");
    Ec2Exception auth = assertThrows(Ec2Exception.class, () -> engine.ec2(unknown).describeVpcs());
    assertEquals("AuthFailure", auth.awsErrorDetails().errorCode());
  }
}
