package dev.iamkata.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.Engine;
import dev.iamkata.engine.EngineConfig;
import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/** The probe against the engine, embedded and attached as an external endpoint. */
class CapabilityProbeIT {

  @Test
  void theEmbeddedEngineHasEverythingAndTheProbeLeavesNothingBehind() throws Exception {
    try (EmbeddedBackend backend = EmbeddedBackend.start();
        AwsClients clients = AwsClients.of(backend)) {
      var key = backend.adminKey(backend.accountId());
      var admin = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
      int users = clients.iam(admin).listUsers().users().size();
      int roles = clients.iam(admin).listRoles().roles().size();
      CapabilityProbe.Result result = new CapabilityProbe(Clock.systemUTC()).run(backend);
      assertEquals(
          EnumSet.allOf(Capability.class),
          EnumSet.copyOf(result.capabilities().supported()),
          result.evidence().toString());
      assertEquals(EmbeddedBackend.SERVICES, result.capabilities().services());
      assertEquals(List.of(), result.leftovers());
      assertEquals(
          "ExpiredToken for a session past its Expiration",
          result.evidence().get(Capability.TOKEN_EXPIRY));
      assertEquals(users, clients.iam(admin).listUsers().users().size());
      assertEquals(roles, clients.iam(admin).listRoles().roles().size());
      String table = ProbeTable.render(backend, result);
      assertTrue(table.contains("\nidentity-policies  yes  AccessDenied for iam:ListUsers"), table);
      assertTrue(table.contains("\ncloudtrail         yes  ok\n"), table);
    }
  }

  @Test
  void anEngineAttachedAsExternalIsRecognisedAndDrivenByItsControlApi() throws Exception {
    try (Engine engine = Engine.start(EngineConfig.defaults());
        ExternalBackend backend =
            ExternalBackend.attach(
                "external",
                URI.create(engine.endpoint()),
                engine.adminKey(EngineConfig.DEFAULT_ACCOUNT),
                "us-east-1",
                Clock.systemUTC())) {
      assertTrue(backend.isEngine());
      assertEquals(EngineConfig.SECOND_ACCOUNT, backend.secondAccountId());
      assertEquals(
          engine.adminKey(EngineConfig.SECOND_ACCOUNT),
          backend.adminKey(EngineConfig.SECOND_ACCOUNT));
      // known without probing: an engine enforces everything
      assertEquals(Capabilities.all(EmbeddedBackend.SERVICES), backend.capabilities());
      CapabilityProbe.Result probed = new CapabilityProbe(Clock.systemUTC()).run(backend);
      assertEquals(
          EnumSet.allOf(Capability.class),
          EnumSet.copyOf(probed.capabilities().supported()),
          probed.evidence().toString());
      String snapshot = backend.snapshot();
      backend.reset();
      backend.restore(snapshot);
    }
  }
}
