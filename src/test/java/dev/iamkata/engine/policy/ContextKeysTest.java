package dev.iamkata.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The context keys a policy refers to, as GetContextKeysForCustomPolicy lists them. */
class ContextKeysTest {

  private static Policy policy(String json) {
    return PolicyParser.parse(json, PolicyKind.IDENTITY);
  }

  @Test
  void awsCliExampleListsTheResourceVariableBeforeTheConditionKey() {
    // the aws CLI's get-context-keys-for-custom-policy example answers [aws:username,
    // aws:CurrentTime]
    Policy policy =
        policy(
            "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":"
                + "\"dynamodb:*\",\"Resource\":"
                + "\"arn:aws:dynamodb:us-west-2:123456789012:table/${aws:username}\","
                + "\"Condition\":{\"DateGreaterThan\":{\"aws:CurrentTime\":"
                + "\"2015-08-16T12:00:00Z\"}}}}");
    assertEquals(List.of("aws:username", "aws:CurrentTime"), ContextKeys.of(policy));
  }

  @Test
  void keysAppearOnceInFirstSeenOrderAndSpelling() {
    Policy first =
        policy(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":"
                + "\"10.0.0.0/8\"},\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}},"
                + "{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"NotResource\":"
                + "\"arn:aws:s3:::${aws:PrincipalTag/team}/*\",\"Condition\":{\"StringEquals\":"
                + "{\"AWS:SOURCEIP\":\"x\",\"s3:prefix\":\"${aws:username, 'none'}/${*}\"}}}]}");
    Policy second =
        policy(
            "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringLike\":{\"aws:username\":\"a*\","
                + "\"aws:RequestTag/env\":\"prod\"}}}}");
    assertEquals(
        List.of(
            "aws:SourceIp",
            "aws:MultiFactorAuthPresent",
            "aws:PrincipalTag/team",
            "s3:prefix",
            "aws:username",
            "aws:RequestTag/env"),
        ContextKeys.of(List.of(first, second)));
  }

  @Test
  void variablesAreTextInOldPoliciesAndInOperatorsWithoutVariables() {
    Policy old =
        policy(
            "{\"Version\":\"2008-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"arn:aws:s3:::b/${aws:username}\"}}");
    assertEquals(List.of(), ContextKeys.of(old));
    Policy noVersion =
        policy(
            "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"s3:prefix\":\"${aws:username}\"}}}}");
    assertEquals(List.of("s3:prefix"), ContextKeys.of(noVersion));
  }

  @Test
  void variableNamesSkipTheLiteralCharacterForms() {
    assertEquals(
        List.of("aws:username", "aws:userid"),
        ContextKeys.variables("a/${*}/${?}/${$}/${aws:username}/${ aws:userid , 'x'}/${"));
  }
}
