package dev.iamkata.lesson.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamkata.backend.AwsClients;
import dev.iamkata.backend.EmbeddedBackend;
import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.lesson.Workspace;
import dev.iamkata.lesson.model.Check;
import dev.iamkata.lesson.model.Expect;
import dev.iamkata.lesson.model.Placeholders;
import dev.iamkata.lesson.model.StateQuestion;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;

/** {@code state} checks asked of the embedded engine through IAM's API, true and false. */
class StateCheckIT {
  static EmbeddedBackend backend;
  static AwsClients clients;
  static IamClient iam;
  @TempDir Path dir;

  static final String TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::%s:user/alice\"},\"Action\":\"sts:AssumeRole\"}]}";
  static final String ASSUME =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"arn:aws:iam::%s:role/r\"}]}";

  @BeforeAll
  static void start() throws Exception {
    backend = EmbeddedBackend.start();
    clients = AwsClients.of(backend);
    AccessKeyPair k = backend.adminKey(backend.accountId());
    iam = clients.iam(AwsBasicCredentials.create(k.accessKeyId(), k.secretAccessKey()));
    String account = backend.accountId();
    iam.createUser(b -> b.userName("alice"));
    iam.createUser(b -> b.userName("bob"));
    iam.putUserPolicy(
        b ->
            b.userName("alice")
                .policyName("assume")
                .policyDocument(String.format(ASSUME, account)));
    iam.createRole(b -> b.roleName("r").assumeRolePolicyDocument(String.format(TRUST, account)));
    iam.attachRolePolicy(
        b -> b.roleName("r").policyArn("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
  }

  @AfterAll
  static void stop() {
    if (clients != null) {
      clients.close();
    }
    if (backend != null) {
      backend.close();
    }
  }

  CheckStatus ask(StateQuestion q) throws Exception {
    CheckContext ctx =
        new CheckContext(
            List.of(),
            new Workspace(dir, backend.endpoint(), backend.region()),
            (l, w) -> null,
            Placeholders.of(backend.accountId(), backend.secondAccountId(), backend.region()),
            iam,
            dir,
            backend.capabilities(),
            backend.name(),
            Duration.ofSeconds(30));
    return new CheckEvaluator(Clock.systemUTC())
        .evaluate(new Check(new Check.Spec.State(q), Expect.none(), null, Set.of()), ctx)
        .status();
  }

  @Test
  void entitiesExistOrNot() throws Exception {
    assertEquals(
        CheckStatus.PASS, ask(new StateQuestion.Exists(StateQuestion.Entity.USER, "alice")));
    assertEquals(CheckStatus.PASS, ask(new StateQuestion.Exists(StateQuestion.Entity.ROLE, "r")));
    assertEquals(
        CheckStatus.FAIL, ask(new StateQuestion.Exists(StateQuestion.Entity.ROLE, "nope")));
    assertEquals(
        CheckStatus.PASS,
        ask(
            new StateQuestion.Exists(
                StateQuestion.Entity.POLICY, "arn:aws:iam::aws:policy/ReadOnlyAccess")));
    assertEquals(
        CheckStatus.FAIL, ask(new StateQuestion.Exists(StateQuestion.Entity.POLICY, "ToyPolicy")));
  }

  @Test
  void attachedPolicies() throws Exception {
    assertEquals(
        CheckStatus.PASS,
        ask(
            new StateQuestion.Attached(
                StateQuestion.Entity.ROLE, "r", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")));
    assertEquals(
        CheckStatus.FAIL,
        ask(
            new StateQuestion.Attached(
                StateQuestion.Entity.ROLE, "r", "arn:aws:iam::aws:policy/ReadOnlyAccess")));
  }

  @Test
  void theTrustPolicyDecidesWhoMayAssume() throws Exception {
    assertEquals(
        CheckStatus.PASS,
        ask(new StateQuestion.TrustAllows("r", "arn:aws:iam::{{account}}:user/alice")));
    assertEquals(
        CheckStatus.FAIL,
        ask(new StateQuestion.TrustAllows("r", "arn:aws:iam::{{account}}:user/bob")));
    assertEquals(
        CheckStatus.FAIL,
        ask(new StateQuestion.TrustAllows("nope", "arn:aws:iam::{{account}}:user/bob")));
  }

  @Test
  void theSimulatorGivesTheDecision() throws Exception {
    String role = "arn:aws:iam::{{account}}:role/r";
    assertEquals(
        CheckStatus.PASS,
        ask(
            new StateQuestion.Simulate(
                "arn:aws:iam::{{account}}:user/alice",
                "sts:AssumeRole",
                role,
                Map.of(),
                "allowed")));
    assertEquals(
        CheckStatus.PASS,
        ask(
            new StateQuestion.Simulate(
                "arn:aws:iam::{{account}}:user/bob",
                "sts:AssumeRole",
                role,
                Map.of(),
                "implicitDeny")));
    assertEquals(
        CheckStatus.FAIL,
        ask(
            new StateQuestion.Simulate(
                "arn:aws:iam::{{account}}:user/bob", "sts:AssumeRole", role, Map.of(), "allowed")));
    assertEquals(
        CheckStatus.ERROR,
        ask(
            new StateQuestion.Simulate(
                "arn:aws:iam::{{account}}:user/nobody",
                "s3:ListBuckets",
                "*",
                Map.of(),
                "allowed")));
  }
}
