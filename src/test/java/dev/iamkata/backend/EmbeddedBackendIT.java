package dev.iamkata.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.AccessKeyPair;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/** The embedded backend over real HTTP, driven with the AWS SDK as lessons drive it. */
class EmbeddedBackendIT {
  private static final String TRUST_ADMIN =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},"
          + "\"Action\":\"sts:AssumeRole\"}]}";

  private static EmbeddedBackend backend;
  private static AwsClients clients;
  private static IamClient iam;

  @BeforeAll
  static void start() throws BackendException {
    backend = EmbeddedBackend.start();
    clients = AwsClients.of(backend);
    iam = clients.iam(admin());
  }

  @AfterAll
  static void stop() {
    clients.close();
    backend.close();
  }

  @BeforeEach
  void fresh() throws BackendException {
    backend.reset();
  }

  private static AwsBasicCredentials admin() {
    AccessKeyPair key = backend.adminKey(backend.accountId());
    return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
  }

  @Test
  void theAdminKeyWorksAndBothAccountsHaveOne() {
    String arn = clients.sts(admin()).getCallerIdentity().arn();
    assertEquals("arn:aws:iam::123456789012:user/admin", arn);
    AccessKeyPair second = backend.adminKey(backend.secondAccountId());
    String other =
        clients
            .sts(AwsBasicCredentials.create(second.accessKeyId(), second.secretAccessKey()))
            .getCallerIdentity()
            .account();
    assertEquals("210987654321", other);
    assertTrue(backend.endpoint().startsWith("http://127.0.0.1:"));
    assertEquals("embedded", backend.name());
  }

  @Test
  void resetRemovesWhatLessonsCreated() throws BackendException {
    iam.createUser(r -> r.userName("dev-user"));
    backend.reset();
    assertThrows(NoSuchEntityException.class, () -> iam.getUser(r -> r.userName("dev-user")));
    assertEquals("admin", iam.getUser(r -> r.userName("admin")).user().userName());
  }

  @Test
  void restorePutsBackExactlyTheSnapshot() throws BackendException {
    iam.createUser(r -> r.userName("before"));
    String snapshot = backend.snapshot();
    iam.createUser(r -> r.userName("after"));
    iam.deleteUser(r -> r.userName("before"));
    backend.restore(snapshot);
    assertEquals("before", iam.getUser(r -> r.userName("before")).user().userName());
    assertThrows(NoSuchEntityException.class, () -> iam.getUser(r -> r.userName("after")));
  }

  @Test
  void advancingTheClockExpiresSessionsAndResetRewindsIt() throws BackendException {
    iam.createRole(r -> r.roleName("r").assumeRolePolicyDocument(TRUST_ADMIN));
    Credentials c =
        clients
            .sts(admin())
            .assumeRole(
                r ->
                    r.roleArn("arn:aws:iam::123456789012:role/r")
                        .roleSessionName("kata-it")
                        .durationSeconds(900))
            .credentials();
    AwsSessionCredentials session =
        AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    Instant before = backend.clockTime();
    backend.advanceClock(Duration.ofMinutes(16));
    Instant after = backend.clockTime();
    assertTrue(Duration.between(before, after).compareTo(Duration.ofMinutes(16)) >= 0);
    StsException e =
        assertThrows(StsException.class, () -> clients.sts(session).getCallerIdentity());
    assertEquals("ExpiredToken", e.awsErrorDetails().errorCode());
    backend.reset();
    assertTrue(
        Duration.between(backend.clockTime(), before).abs().compareTo(Duration.ofMinutes(1)) < 0);
  }

  @Test
  void badRequestsGiveBackendExceptionsNotStackTraces() {
    BackendException e = assertThrows(BackendException.class, () -> backend.restore("{not json"));
    assertTrue(e.getMessage().startsWith("could not restore of the engine"), e.getMessage());
    assertThrows(BackendException.class, () -> backend.advanceClock(Duration.ZERO));
  }

  @Test
  void capabilitiesAreFull() {
    Capabilities c = backend.capabilities();
    for (Capability each : Capability.values()) {
      assertTrue(c.has(each), each.name());
    }
    assertEquals(EmbeddedBackend.SERVICES, c.services());
  }
}
