package dev.iamkata.lesson.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.iamkata.backend.Capabilities;
import dev.iamkata.backend.Capability;
import dev.iamkata.lesson.AwsCall;
import dev.iamkata.lesson.CommandResult;
import dev.iamkata.lesson.CommandRunner;
import dev.iamkata.lesson.Workspace;
import dev.iamkata.lesson.model.Check;
import dev.iamkata.lesson.model.Expect;
import dev.iamkata.lesson.model.Placeholders;
import dev.iamkata.lesson.model.StateQuestion;
import dev.iamkata.lesson.model.Text;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckEvaluatorTest {
  @TempDir Path dir;

  final CheckEvaluator evaluator = new CheckEvaluator(Clock.systemUTC());
  final Placeholders ph = Placeholders.of("123456789012", "210987654321", "us-east-1");
  final Text explain = new Text("use --profile dev-user", "--profile dev-user を使ってください");

  static Expect error(String code) {
    return new Expect(Expect.Outcome.ERROR, code, null, null, null, null);
  }

  static CommandResult ran(String line, String profile, int exit, String code, String stdout) {
    String service = line.split(" ")[1];
    String command = line.split(" ")[2];
    return new CommandResult(
        line,
        exit,
        stdout,
        code == null ? "" : "An error occurred (" + code + ") when calling",
        Duration.ZERO,
        List.of(new AwsCall(service, command, "Op", profile, null, exit, code)));
  }

  CheckContext ctx(List<CommandResult> commands, CommandRunner runner, Set<Capability> caps)
      throws Exception {
    Workspace ws =
        new Workspace(
            Files.createDirectories(dir.resolve("home")), "http://127.0.0.1:1", "us-east-1");
    return new CheckContext(
        commands,
        ws,
        runner,
        ph,
        null,
        dir,
        new Capabilities(
            caps,
            dev.iamkata.backend.EmbeddedBackend.SERVICES,
            Map.of(Capability.TOKEN_EXPIRY, "tokens never expire here")),
        "test",
        Duration.ofSeconds(5));
  }

  CheckContext ctx(List<CommandResult> commands) throws Exception {
    return ctx(commands, (l, w) -> null, EnumSet.allOf(Capability.class));
  }

  @Test
  void learnerRanPassesOnAMatchingCallWithTheExpectedError() throws Exception {
    Check c =
        new Check(
            new Check.Spec.LearnerRan("aws s3 ls", "dev-user"),
            error("AccessDenied"),
            explain,
            Set.of());
    CheckResult r =
        evaluator.evaluate(
            c,
            ctx(List.of(ran("aws s3 ls --profile dev-user", "dev-user", 255, "AccessDenied", ""))));
    assertEquals(CheckStatus.PASS, r.status());
    assertNull(r.explanation());
  }

  @Test
  void learnerRanWithTheWrongProfileFailsAndExplains() throws Exception {
    Check c =
        new Check(
            new Check.Spec.LearnerRan("aws s3 ls", "dev-user"),
            error("AccessDenied"),
            explain,
            Set.of());
    CheckResult r = evaluator.evaluate(c, ctx(List.of(ran("aws s3 ls", null, 0, null, "bucket"))));
    assertEquals(CheckStatus.FAIL, r.status());
    assertEquals(
        "you ran `aws s3 ls` with the default profile, not with --profile dev-user",
        r.actual().en());
    assertEquals(
        "`aws s3 ls` を default プロファイル で実行しました（--profile dev-user ではありません）", r.actual().ja());
    assertEquals(explain, r.explanation());
    assertEquals("`aws s3 ls --profile dev-user` fails with AccessDenied", r.expected().en());
  }

  @Test
  void learnerRanWithAnotherErrorSaysWhichError() throws Exception {
    Check c =
        new Check(
            new Check.Spec.LearnerRan("aws sts", null), error("ExpiredToken"), null, Set.of());
    CheckResult r =
        evaluator.evaluate(
            c,
            ctx(List.of(ran("aws sts get-caller-identity", "p", 254, "InvalidClientTokenId", ""))));
    assertEquals(CheckStatus.FAIL, r.status());
    assertEquals("it failed with InvalidClientTokenId", r.actual().en());
  }

  @Test
  void learnerRanNotRunAtAll() throws Exception {
    Check c =
        new Check(
            new Check.Spec.LearnerRan("aws sts assume-role", null), Expect.ok(), null, Set.of());
    CheckResult r = evaluator.evaluate(c, ctx(List.of()));
    assertEquals(CheckStatus.FAIL, r.status());
    assertEquals("このステップではまだ `aws sts assume-role` を実行していません", r.actual().ja());
  }

  @Test
  void learnerRanMatchesOnOutputWithPlaceholders() throws Exception {
    Expect e =
        new Expect(
            Expect.Outcome.OK,
            null,
            "Arn",
            TextNode.valueOf("arn:aws:sts::{{account}}:assumed-role/r/s"),
            null,
            null);
    Check c =
        new Check(
            new Check.Spec.LearnerRan("aws sts get-caller-identity", null), e, null, Set.of());
    String out = "{\"Arn\": \"arn:aws:sts::123456789012:assumed-role/r/s\"}";
    assertEquals(
        CheckStatus.PASS,
        evaluator
            .evaluate(c, ctx(List.of(ran("aws sts get-caller-identity", null, 0, null, out))))
            .status());
  }

  @Test
  void probesRunInACopyOfTheWorkspace() throws Exception {
    CommandRunner writes =
        (line, ws) -> {
          try {
            Files.writeString(ws.home().resolve("probe.txt"), "x");
            Files.writeString(ws.awsCredentialsFile(), "changed");
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
          return new CommandResult(line, 0, "{\"Arn\":\"a\"}", "", Duration.ZERO, List.of());
        };
    CheckContext ctx = ctx(List.of(), writes, EnumSet.allOf(Capability.class));
    Files.createDirectories(ctx.workspace().home().resolve(".aws"));
    Files.writeString(ctx.workspace().awsCredentialsFile(), "[p]\n");
    Expect e = new Expect(Expect.Outcome.OK, null, "Arn", TextNode.valueOf("a"), null, null);
    CheckResult r =
        evaluator.evaluate(
            new Check(new Check.Spec.Probe("aws sts get-caller-identity"), e, null, Set.of()), ctx);
    assertEquals(CheckStatus.PASS, r.status());
    assertFalse(Files.exists(ctx.workspace().home().resolve("probe.txt")));
    assertEquals("[p]\n", Files.readString(ctx.workspace().awsCredentialsFile()));
  }

  @Test
  void aSlowCheckTimesOut() throws Exception {
    CommandRunner slow =
        (line, ws) -> {
          Thread.sleep(10_000);
          return null;
        };
    Expect e = new Expect(Expect.Outcome.OK, null, null, null, null, Duration.ofMillis(300));
    CheckResult r =
        evaluator.evaluate(
            new Check(new Check.Spec.Probe("aws s3 ls"), e, null, Set.of()),
            ctx(List.of(), slow, EnumSet.allOf(Capability.class)));
    assertEquals(CheckStatus.TIMEOUT, r.status());
    assertTrue(r.took().toMillis() < 5000, r.took().toString());
  }

  @Test
  void aCheckNeedingAMissingCapabilityIsSkippedWithTheReason() throws Exception {
    Check c =
        new Check(
            new Check.Spec.LearnerRan("aws s3 ls", null),
            error("ExpiredToken"),
            null,
            Set.of(Capability.TOKEN_EXPIRY));
    CheckResult r =
        evaluator.evaluate(c, ctx(List.of(), (l, w) -> null, EnumSet.of(Capability.SIGNATURES)));
    assertEquals(CheckStatus.SKIPPED, r.status());
    assertEquals(
        "cannot be verified on this backend (test): no token-expiry (tokens never expire here)",
        r.actual().en());
  }

  @Test
  void aDenialIsSkippedOnABackendThatDoesNotEnforceIdentityPoliciesWithoutBeingDeclared()
      throws Exception {
    Check c =
        new Check(
            new Check.Spec.LearnerRan("aws dynamodb list-tables", "dev-session"),
            error("AccessDeniedException"),
            null,
            Set.of());
    CheckResult r =
        evaluator.evaluate(c, ctx(List.of(), (l, w) -> null, EnumSet.of(Capability.SIGNATURES)));
    assertEquals(CheckStatus.SKIPPED, r.status());
    assertEquals(
        "cannot be verified on this backend (test): no identity-policies", r.actual().en());
    CheckResult simulated =
        evaluator.evaluate(
            new Check(
                new Check.Spec.State(
                    new StateQuestion.TrustAllows("dev-role", "arn:aws:iam::1:user/u")),
                Expect.none(),
                null,
                Set.of()),
            ctx(List.of(), (l, w) -> null, EnumSet.of(Capability.SIGNATURES)));
    assertEquals(CheckStatus.SKIPPED, simulated.status());
    assertEquals(
        "cannot be verified on this backend (test): no policy-simulator", simulated.actual().en());
  }

  @Test
  void aCheckThatCannotRunIsAnErrorNotAFailure() throws Exception {
    Check c =
        new Check(
            new Check.Spec.State(new StateQuestion.Exists(StateQuestion.Entity.ROLE, "r")),
            Expect.none(),
            null,
            Set.of());
    CheckResult r = evaluator.evaluate(c, ctx(List.of()));
    assertEquals(CheckStatus.ERROR, r.status());
    assertTrue(r.actual().en().startsWith("the check could not run"), r.actual().en());
  }

  @Test
  void fileChecksReadTheLearnersFile() throws Exception {
    CheckContext ctx = ctx(List.of());
    Files.writeString(
        dir.resolve("want.json"),
        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"AWS\":\"arn:aws:iam::{{account}}:user/u\"}}}");
    Check missing =
        new Check(
            new Check.Spec.FileCheck("trust.json", true, "want.json"),
            Expect.none(),
            null,
            Set.of());
    assertEquals("~/trust.json does not exist", evaluator.evaluate(missing, ctx).actual().en());
    Files.writeString(ctx.workspace().home().resolve("trust.json"), "{\"Statement\": [");
    assertTrue(
        evaluator
            .evaluate(missing, ctx)
            .actual()
            .en()
            .startsWith("~/trust.json is not valid JSON"));
    Files.writeString(
        ctx.workspace().home().resolve("trust.json"),
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"x\",\"Effect\":\"Allow\",\"Action\":[\"sts:AssumeRole\"],\"Principal\":{\"AWS\":[\"arn:aws:iam::123456789012:user/u\"]}}]}");
    assertEquals(CheckStatus.PASS, evaluator.evaluate(missing, ctx).status());
    Expect q =
        new Expect(
            Expect.Outcome.ANY, null, "Statement[0].Effect", TextNode.valueOf("Deny"), null, null);
    CheckResult r =
        evaluator.evaluate(
            new Check(new Check.Spec.FileCheck("trust.json", true, null), q, null, Set.of()), ctx);
    assertEquals("Statement[0].Effect is Allow", r.actual().en());
  }
}
