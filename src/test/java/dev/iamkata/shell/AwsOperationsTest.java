package dev.iamkata.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AwsOperationsTest {

  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of("dynamodb list-tables", "ListTables"),
        Arguments.of("sts get-caller-identity --profile p", "GetCallerIdentity"),
        Arguments.of("--profile p --region eu-west-1 sts assume-role --role-arn a", "AssumeRole"),
        Arguments.of("iam list-mfa-devices", "ListMFADevices"),
        Arguments.of("iam create-open-id-connect-provider --url u", "CreateOpenIDConnectProvider"),
        Arguments.of("sts assume-role-with-saml", "AssumeRoleWithSAML"),
        Arguments.of("s3api list-objects-v2 --bucket b", "ListObjectsV2"),
        Arguments.of("s3 ls", "ListBuckets"),
        Arguments.of("s3 ls --profile dev", "ListBuckets"),
        Arguments.of("s3 ls s3://b --recursive", "ListObjectsV2"),
        Arguments.of("s3 mb s3://b", "CreateBucket"),
        Arguments.of("s3 rb s3://b --force", "DeleteBucket"),
        Arguments.of("s3 cp file.txt s3://b/k", "PutObject"),
        Arguments.of("s3 cp --recursive dir s3://b/k", "PutObject"),
        Arguments.of("s3 cp s3://b/k file.txt", "GetObject"),
        Arguments.of("s3 cp s3://b/k s3://c/k", "CopyObject"),
        Arguments.of("s3 rm s3://b/k", "DeleteObject"),
        Arguments.of("configure set region us-east-1", null),
        Arguments.of("iam help", null),
        Arguments.of("sts", null));
  }

  @ParameterizedTest(name = "aws {0} -> {1}")
  @MethodSource("commands")
  void mapsCommandsToOperations(String line, String operation) {
    assertEquals(operation, AwsOperations.operation(AwsArgs.parse(Arrays.asList(line.split(" ")))));
  }

  static Stream<Arguments> globals() {
    return Stream.of(
        Arguments.of(
            "--profile a sts get-caller-identity", "sts", "get-caller-identity", "a", null),
        Arguments.of(
            "sts get-caller-identity --profile=b --region r",
            "sts",
            "get-caller-identity",
            "b",
            "r"),
        Arguments.of("iam get-role --role-name x --output text", "iam", "get-role", null, null));
  }

  @ParameterizedTest(name = "aws {0}")
  @MethodSource("globals")
  void findsServiceCommandAndGlobalOptions(
      String line, String service, String command, String profile, String region) {
    AwsArgs a = AwsArgs.parse(Arrays.asList(line.split(" ")));
    assertEquals(service, a.service());
    assertEquals(command, a.command());
    assertEquals(profile, a.profile());
    assertEquals(region, a.region());
  }

  static Stream<Arguments> versions() {
    return Stream.of(
        Arguments.of("aws-cli/1.45.11 Python/3.11.7 Linux/6 botocore/1.43.11", true),
        Arguments.of("aws-cli/1.29.0 Python/3.9 Linux botocore/1.30.9", false),
        Arguments.of("aws-cli/2.9.19 Python/3.11.2 Linux/6 source/x86_64.debian.12", false),
        Arguments.of("aws-cli/2.13.0 Python/3.11.4 Linux/6 exe/x86_64", true),
        Arguments.of("", false));
  }

  @ParameterizedTest(name = "[{0}] honours={1}")
  @MethodSource("versions")
  void knowsWhichCliVersionsHonourTheEndpointVariable(String version, boolean honours) {
    assertEquals(honours, SystemAws.honoursEndpointEnvironment(version));
  }
}
