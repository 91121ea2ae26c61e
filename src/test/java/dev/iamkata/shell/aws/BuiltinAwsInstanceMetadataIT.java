package dev.iamkata.shell.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.TestEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The built-in aws on an "instance": no keys anywhere, {@code AWS_EC2_METADATA_SERVICE_ENDPOINT} at
 * the engine's metadata service for that instance, and the commands run as the instance profile's
 * role, {@code assumed-role/ROLE/i-…}, as botocore's instance-profile provider makes them.
 */
class BuiltinAwsInstanceMetadataIT {
  static final String EC2_TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
          + "{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
  static final String USER_TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
          + "{\"AWS\":\"arn:aws:iam::"
          + TestEngine.ACCOUNT
          + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";

  private static TestEngine engine;
  private static BuiltinAws aws;
  private static Ec2Client ec2;

  record Run(int rc, String out, String err) {}

  @BeforeAll
  static void start() {
    engine = TestEngine.start();
    aws = BuiltinAws.create();
    IamClient iam = engine.adminIam();
    ec2 = engine.ec2(TestEngine.admin());
    iam.createRole(r -> r.roleName("app-role").assumeRolePolicyDocument(EC2_TRUST));
    iam.createInstanceProfile(b -> b.instanceProfileName("app-profile"));
    iam.addRoleToInstanceProfile(b -> b.instanceProfileName("app-profile").roleName("app-role"));
    // a role EC2 may not assume: the metadata service answers AssumeRoleUnauthorizedAccess
    iam.createRole(r -> r.roleName("not-for-ec2").assumeRolePolicyDocument(USER_TRUST));
    iam.createInstanceProfile(b -> b.instanceProfileName("bad-profile"));
    iam.addRoleToInstanceProfile(b -> b.instanceProfileName("bad-profile").roleName("not-for-ec2"));
  }

  @AfterAll
  static void stop() {
    aws.close();
    engine.close();
  }

  static String launch(String profile, HttpTokensState tokens) {
    return ec2.runInstances(
            b ->
                b.imageId("ami-0123456789abcdef0")
                    .minCount(1)
                    .maxCount(1)
                    .iamInstanceProfile(p -> p.name(profile))
                    .metadataOptions(o -> o.httpTokens(tokens)))
        .instances()
        .get(0)
        .instanceId();
  }

  private static Run onInstance(Path home, String metadataEndpoint, String... args) {
    Map<String, String> env =
        Map.of(
            "HOME",
            home.toString(),
            "AWS_REGION",
            "us-east-1",
            "AWS_EC2_METADATA_SERVICE_ENDPOINT",
            metadataEndpoint);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc =
        aws.run(
            List.of(args),
            env,
            home,
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            engine.endpoint());
    return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void commandsRunAsTheInstanceProfilesRole(@TempDir Path home) {
    // IMDSv2 required: the provider must fetch a token first
    String instance = launch("app-profile", HttpTokensState.REQUIRED);
    Run who =
        onInstance(
            home,
            engine.endpoint() + "/_imds/" + instance,
            "sts",
            "get-caller-identity",
            "--query",
            "Arn",
            "--output",
            "text");
    assertEquals(0, who.rc(), who.err());
    assertEquals(
        "arn:aws:sts::" + TestEngine.ACCOUNT + ":assumed-role/app-role/" + instance + "\n",
        who.out());
  }

  @Test
  void aTrailingSlashOnTheEndpointIsFine(@TempDir Path home) {
    String instance = launch("app-profile", HttpTokensState.OPTIONAL);
    Run who =
        onInstance(
            home, engine.endpoint() + "/_imds/" + instance + "/", "sts", "get-caller-identity");
    assertEquals(0, who.rc(), who.err());
    assertTrue(who.out().contains("assumed-role/app-role/" + instance), who.out());
  }

  @Test
  void noUsableRoleMeansNoCredentials(@TempDir Path home) {
    String noTrust = launch("bad-profile", HttpTokensState.OPTIONAL);
    for (String endpoint :
        List.of(
            engine.endpoint() + "/_imds/" + noTrust,
            engine.endpoint() + "/_imds/i-0000000000000dead")) {
      Run who = onInstance(home, endpoint, "sts", "get-caller-identity");
      assertEquals(253, who.rc(), who.out());
      assertEquals(
          "\nUnable to locate credentials. You can configure credentials by running \"aws"
              + " configure\".\n",
          who.err());
    }
  }

  @Test
  void aMetadataServiceOffTheEngineIsNeverAsked(@TempDir Path home) {
    Run real = onInstance(home, "http://169.254.169.254", "sts", "get-caller-identity");
    assertEquals(253, real.rc());
    assertTrue(
        real.err().contains("iam-kata never calls real AWS: AWS_EC2_METADATA_SERVICE_ENDPOINT"),
        real.err());
  }
}
