package dev.iamkata.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The container's environment, without Docker. */
class LocalStackBackendTest {

  @Test
  void enforcementIsOnNotSoftAndOnlyTheLessonsServicesRun() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("ENFORCE_IAM", "1");
    expected.put("IAM_SOFT_MODE", "0");
    expected.put("SERVICES", "iam,sts,s3,dynamodb,ec2,lambda,cloudtrail");
    assertEquals(expected, LocalStackBackend.environment(Map.of()));
  }

  @Test
  void theLearnersAuthTokenIsPassedThroughOnlyWhenSet() {
    assertEquals(
        "ls-token",
        LocalStackBackend.environment(Map.of("LOCALSTACK_AUTH_TOKEN", "ls-token"))
            .get("LOCALSTACK_AUTH_TOKEN"));
    assertEquals(
        null,
        LocalStackBackend.environment(Map.of("LOCALSTACK_AUTH_TOKEN", " "))
            .get("LOCALSTACK_AUTH_TOKEN"));
    assertEquals(
        null,
        LocalStackBackend.environment(Map.of("AWS_SECRET_ACCESS_KEY", "x"))
            .get("AWS_SECRET_ACCESS_KEY"),
        "nothing else of the learner's environment goes into the container");
  }
}
