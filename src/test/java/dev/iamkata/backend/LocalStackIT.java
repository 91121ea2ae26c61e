package dev.iamkata.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * LocalStack in Docker, started by the backend itself. Skipped, with the reason shown, where no
 * Docker engine answers (as on CI here); the probe's table is printed for docs/backends.md.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackIT {

  @Test
  void startsThePinnedImageAttachesAndProbes() throws Exception {
    try (LocalStackBackend backend =
        LocalStackBackend.start(System.getenv(), null, "us-east-1", Clock.systemUTC())) {
      assertTrue(backend.startedContainer());
      assertEquals("localstack", backend.name());
      assertEquals("123456789012", backend.accountId());
      assertEquals("210987654321", backend.secondAccountId());
      CapabilityProbe.Result result = new CapabilityProbe(Clock.systemUTC()).run(backend);
      System.out.println(ProbeTable.render(backend, result));
      // LocalStack has no clock control and no snapshots through this backend, whatever its tier
      assertTrue(!result.capabilities().has(Capability.CLOCK_CONTROL));
      assertTrue(!result.capabilities().has(Capability.SNAPSHOTS));
      assertTrue(result.capabilities().serves("iam"), result.serviceEvidence().toString());
      assertTrue(result.capabilities().serves("sts"), result.serviceEvidence().toString());
      assertEquals(java.util.List.of(), result.leftovers());
    }
  }

  @Test
  void resetDeletesWhatLessonsCreated() throws Exception {
    try (LocalStackBackend backend =
            LocalStackBackend.start(Map.of(), null, "us-east-1", Clock.systemUTC());
        AwsClients clients = AwsClients.of(backend)) {
      var key = backend.adminKey(backend.accountId());
      var iam = clients.iam(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
      iam.createUser(r -> r.userName("dev-user"));
      backend.reset();
      assertThrows(NoSuchEntityException.class, () -> iam.getUser(r -> r.userName("dev-user")));
    }
  }
}
