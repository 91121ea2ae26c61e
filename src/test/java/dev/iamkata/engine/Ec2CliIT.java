package dev.iamkata.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The EC2 article with the real aws CLI: {@code describe-instance-types} refused for a user without
 * permissions, allowed through a role with ToyPolicy, {@code describe-vpcs} still refused; and a
 * RunInstances refused for a missing {@code iam:PassRole} whose encoded message {@code aws sts
 * decode-authorization-message} opens. Skipped, with the reason shown, without {@code aws}.
 */
@Tag("slow")
class Ec2CliIT {
  static final String ACCOUNT = TestEngine.ACCOUNT;
  static final ObjectMapper JSON = new ObjectMapper();

  TestEngine engine;
  AwsCli aws;

  @BeforeEach
  void setUp() {
    Assumptions.assumeTrue(
        AwsCli.executable() != null, "no aws executable on PATH: real-CLI tests skipped");
    engine = TestEngine.start();
    aws = new AwsCli(engine.endpoint());
    aws.profile("admin", TestEngine.ADMIN.accessKeyId(), TestEngine.ADMIN.secretAccessKey(), null);
  }

  @AfterEach
  void tearDown() throws IOException {
    if (engine != null) {
      aws.close();
      engine.close();
    }
  }

  JsonNode ok(AwsCli.Result r) throws IOException {
    assertEquals(0, r.exitCode(), r.toString());
    return r.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.stdout());
  }

  @Test
  void toyPolicyThroughARole() throws IOException {
    ok(aws.run("admin", "iam", "create-user", "--user-name", "tanaka"));
    JsonNode key = ok(aws.run("admin", "iam", "create-access-key", "--user-name", "tanaka"));
    String keyId = key.at("/AccessKey/AccessKeyId").asText();
    String secret = key.at("/AccessKey/SecretAccessKey").asText();
    aws.profile("tanaka", keyId, secret, null);

    AwsCli.Result refused = aws.run("tanaka", "ec2", "describe-instance-types");
    assertTrue(
        refused
            .stderr()
            .contains(
                "An error occurred (UnauthorizedOperation) when calling the DescribeInstanceTypes"
                    + " operation: You are not authorized to perform this operation. User:"
                    + " arn:aws:iam::"
                    + ACCOUNT
                    + ":user/tanaka is not authorized to perform: ec2:DescribeInstanceTypes"
                    + " because no identity-based policy allows the ec2:DescribeInstanceTypes"
                    + " action"),
        refused.toString());

    Path toy = Files.createTempFile("toy-policy", ".json");
    Files.writeString(
        toy,
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":[\"ec2:DescribeInstanceTypes\"],"
            + "\"Effect\":\"Allow\",\"Resource\":\"*\"}]}");
    String policyArn =
        ok(aws.run(
                "admin",
                "iam",
                "create-policy",
                "--policy-name",
                "ToyPolicy",
                "--policy-document",
                "file://" + toy))
            .at("/Policy/Arn")
            .asText();
    Files.delete(toy);
    String roleArn = "arn:aws:iam::" + ACCOUNT + ":role/toy-role";
    ok(
        aws.run(
            "admin",
            "iam",
            "create-role",
            "--role-name",
            "toy-role",
            "--assume-role-policy-document",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"AWS\":\"arn:aws:iam::"
                + ACCOUNT
                + ":user/tanaka\"},\"Action\":\"sts:AssumeRole\"}]}"));
    ok(
        aws.run(
            "admin",
            "iam",
            "attach-role-policy",
            "--role-name",
            "toy-role",
            "--policy-arn",
            policyArn));
    // the engine requires the caller's own policy to allow sts:AssumeRole too
    ok(
        aws.run(
            "admin",
            "iam",
            "put-user-policy",
            "--user-name",
            "tanaka",
            "--policy-name",
            "assume",
            "--policy-document",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"sts:AssumeRole\",\"Resource\":\""
                + roleArn
                + "\"}]}"));
    if (AwsCli.honoursEndpointEnvironment()) {
      aws.profile("tanaka-keys", keyId, secret, null);
      aws.roleProfile("tanaka", roleArn, "tanaka-keys");
    } else {
      Credentials c =
          engine
              .sts(AwsBasicCredentials.create(keyId, secret))
              .assumeRole(b -> b.roleArn(roleArn).roleSessionName("tanaka"))
              .credentials();
      aws.profile("tanaka", c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    }

    JsonNode types = ok(aws.run("tanaka", "ec2", "describe-instance-types"));
    assertTrue(types.path("InstanceTypes").size() >= 8, types.toString());
    assertTrue(types.at("/InstanceTypes/0/VCpuInfo/DefaultVCpus").asInt() >= 1, types.toString());

    AwsCli.Result vpcs = aws.run("tanaka", "ec2", "describe-vpcs");
    assertEquals("UnauthorizedOperation", vpcs.errorCode(), vpcs.toString());
    assertTrue(
        vpcs.stderr()
            .contains(
                "when calling the DescribeVpcs operation: You are not authorized to perform this"
                    + " operation. User: arn:aws:sts::"
                    + ACCOUNT
                    + ":assumed-role/toy-role/"),
        vpcs.toString());
    assertTrue(
        vpcs.stderr()
            .contains(
                "is not authorized to perform: ec2:DescribeVpcs because no identity-based policy"
                    + " allows the ec2:DescribeVpcs action"),
        vpcs.toString());
  }

  @Test
  void passRoleRefusalDecodes() throws IOException {
    ok(
        aws.run(
            "admin",
            "iam",
            "create-role",
            "--role-name",
            "app-role",
            "--assume-role-policy-document",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
    ok(aws.run("admin", "iam", "create-instance-profile", "--instance-profile-name", "app"));
    ok(
        aws.run(
            "admin",
            "iam",
            "add-role-to-instance-profile",
            "--instance-profile-name",
            "app",
            "--role-name",
            "app-role"));
    ok(aws.run("admin", "iam", "create-user", "--user-name", "launcher"));
    ok(
        aws.run(
            "admin",
            "iam",
            "put-user-policy",
            "--user-name",
            "launcher",
            "--policy-name",
            "ec2",
            "--policy-document",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "[\"ec2:*\",\"sts:DecodeAuthorizationMessage\"],\"Resource\":\"*\"}]}"));
    JsonNode key = ok(aws.run("admin", "iam", "create-access-key", "--user-name", "launcher"));
    aws.profile(
        "launcher",
        key.at("/AccessKey/AccessKeyId").asText(),
        key.at("/AccessKey/SecretAccessKey").asText(),
        null);

    AwsCli.Result refused =
        aws.run(
            "launcher",
            "ec2",
            "run-instances",
            "--image-id",
            "ami-0123456789abcdef0",
            "--instance-type",
            "t3.micro",
            "--iam-instance-profile",
            "Name=app");
    assertEquals("UnauthorizedOperation", refused.errorCode(), refused.toString());
    String marker = "Encoded authorization failure message: ";
    int at = refused.stderr().indexOf(marker);
    assertTrue(at > 0, refused.toString());
    assertTrue(
        refused
            .stderr()
            .contains(
                "is not authorized to perform: iam:PassRole on resource: arn:aws:iam::"
                    + ACCOUNT
                    + ":role/app-role because no identity-based policy allows the iam:PassRole"
                    + " action."),
        refused.toString());
    String encoded = refused.stderr().substring(at + marker.length()).trim();
    JsonNode decoded =
        ok(
            aws.run(
                "launcher", "sts", "decode-authorization-message", "--encoded-message", encoded));
    JsonNode decision = JSON.readTree(decoded.path("DecodedMessage").asText());
    assertEquals("iam:PassRole", decision.at("/context/action").asText());
    assertEquals(false, decision.path("allowed").asBoolean(true));

    JsonNode run =
        ok(
            aws.run(
                "admin",
                "ec2",
                "run-instances",
                "--image-id",
                "ami-0123456789abcdef0",
                "--instance-type",
                "t3.micro",
                "--iam-instance-profile",
                "Name=app"));
    String id = run.at("/Instances/0/InstanceId").asText();
    assertTrue(id.startsWith("i-"), run.toString());
    JsonNode described = ok(aws.run("admin", "ec2", "describe-instances", "--instance-ids", id));
    assertEquals(
        "arn:aws:iam::" + ACCOUNT + ":instance-profile/app",
        described.at("/Reservations/0/Instances/0/IamInstanceProfile/Arn").asText());
    JsonNode terminated = ok(aws.run("admin", "ec2", "terminate-instances", "--instance-ids", id));
    assertEquals(
        "shutting-down",
        terminated.at("/TerminatingInstances/0/CurrentState/Name").asText(),
        terminated.toString());
  }
}
