package dev.iamkata.engine;

import static dev.iamkata.engine.AssumeRoleFlowIT.assertError;
import static dev.iamkata.engine.AssumeRoleFlowIT.denied;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Oversize inputs get AWS's answers, and never take the engine down. */
class LimitsIT {
  static TestEngine engine;

  @BeforeAll
  static void setUp() {
    engine = TestEngine.start();
  }

  @AfterAll
  static void tearDown() {
    engine.close();
  }

  @Test
  void overlongNamesAreValidationErrors() {
    String name = "r".repeat(65);
    AwsServiceException e =
        denied(
            () ->
                engine
                    .adminIam()
                    .createRole(
                        r -> r.roleName(name).assumeRolePolicyDocument(AssumeRoleFlowIT.TRUST)));
    assertError("ValidationError", e);
    assertTrue(
        e.awsErrorDetails()
            .errorMessage()
            .contains("Member must have length less than or equal to 64"),
        e.getMessage());
  }

  @Test
  void oversizePolicyDocumentsHitTheQuota() {
    StringBuilder statements = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      statements
          .append(i == 0 ? "" : ",")
          .append("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b")
          .append(i)
          .append("/*\"}");
    }
    String big = "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
    assertError(
        "LimitExceeded",
        denied(() -> engine.adminIam().createPolicy(r -> r.policyName("big").policyDocument(big))));
  }

  @Test
  void aHugeBodyIsRefusedAndTheEngineStaysUp() throws Exception {
    String huge = "Action=GetCallerIdentity&Version=2011-06-15&Pad=" + "x".repeat(17 * 1024 * 1024);
    HttpResponse<String> r =
        RawRequests.post(engine.endpoint() + "/", huge, RawRequests.as("sts", "us-east-1"));
    assertEquals(413, r.statusCode());
    assertEquals(
        "arn:aws:iam::123456789012:user/admin", engine.adminSts().getCallerIdentity().arn());
  }
}
