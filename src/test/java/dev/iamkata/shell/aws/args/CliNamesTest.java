package dev.iamkata.shell.aws.args;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliNamesTest {
  /** Expected values from botocore's xform_name(name, '-'). */
  @ParameterizedTest
  @CsvSource({
    "GetCallerIdentity, get-caller-identity",
    "ListMFADevices, list-mfa-devices",
    "PolicyARNs, policy-arns",
    "DescribeVpcs, describe-vpcs",
    "AddClientIDToOpenIDConnectProvider, add-client-id-to-open-id-connect-provider",
    "RoleSessionName, role-session-name",
    "already-kebab, already-kebab"
  })
  void kebabAsBotocore(String name, String expected) {
    assertEquals(expected, CliNames.kebab(name));
  }
}
