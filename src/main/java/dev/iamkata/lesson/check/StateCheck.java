package dev.iamkata.lesson.check;

import dev.iamkata.lesson.model.Placeholders;
import dev.iamkata.lesson.model.StateQuestion;
import dev.iamkata.lesson.model.Text;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * {@code state}: asks the backend, as the admin, through IAM's own API (GetUser, GetRole,
 * ListAttached*Policies, and the policy simulator for trust and permission decisions).
 */
final class StateCheck {
  /** An identity policy that allows nothing, so a trust simulation hears only the trust policy. */
  private static final String NOTHING =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kata:Nothing\",\"Resource\":\"*\"}]}";

  private StateCheck() {}

  static Verdict evaluate(StateQuestion raw, CheckContext ctx) {
    Placeholders ph = ctx.placeholders();
    IamClient iam = ctx.adminIam();
    if (raw instanceof StateQuestion.Exists q) {
      String name = ph.apply(q.name());
      Text expected =
          Messages.text(
              "expected.state",
              Messages.text("state.exists", q.entity().name().toLowerCase(Locale.ROOT), name));
      boolean exists = exists(iam, q.entity(), name, ph);
      return Verdict.of(
          exists,
          expected,
          exists ? Messages.text("actual.stateTrue") : Messages.text("actual.noSuchEntity", name));
    }
    if (raw instanceof StateQuestion.Attached q) {
      String arn = ph.apply(q.policyArn());
      String name = ph.apply(q.name());
      Text expected =
          Messages.text("state.attached", arn, q.entity().name().toLowerCase(Locale.ROOT), name);
      boolean attached =
          attached(iam, q.entity(), name).stream().anyMatch(p -> p.policyArn().equals(arn));
      return Verdict.of(
          attached, expected, Messages.text(attached ? "actual.stateTrue" : "actual.stateFalse"));
    }
    if (raw instanceof StateQuestion.TrustAllows q) {
      return trust(iam, ph.apply(q.role()), ph.apply(q.principal()), ph);
    }
    StateQuestion.Simulate q = (StateQuestion.Simulate) raw;
    String principal = ph.apply(q.principal());
    String action = ph.apply(q.action());
    String resource = ph.apply(q.resource());
    List<ContextEntry> context = new ArrayList<>();
    q.context().forEach((k, v) -> context.add(entry(k, ph.apply(v))));
    EvaluationResult r =
        iam.simulatePrincipalPolicy(
                b ->
                    b.policySourceArn(principal)
                        .actionNames(action)
                        .resourceArns(resource)
                        .contextEntries(context))
            .evaluationResults()
            .get(0);
    String decision = r.evalDecisionAsString();
    Text expected = Messages.text("state.simulate", principal, action, resource, q.decision());
    return Verdict.of(
        q.decision().equals(decision), expected, Messages.text("actual.decision", decision));
  }

  private static Verdict trust(IamClient iam, String role, String principal, Placeholders ph) {
    Text expected = Messages.text("state.trust", role, principal);
    software.amazon.awssdk.services.iam.model.Role r;
    try {
      r = iam.getRole(b -> b.roleName(role)).role();
    } catch (NoSuchEntityException e) {
      return Verdict.of(false, expected, Messages.text("actual.noSuchEntity", role));
    }
    String trust =
        withResource(
            URLDecoder.decode(r.assumeRolePolicyDocument(), StandardCharsets.UTF_8), r.arn());
    String owner = "arn:aws:iam::" + r.arn().split(":")[4] + ":root";
    EvaluationResult e =
        iam.simulateCustomPolicy(
                b ->
                    b.policyInputList(NOTHING)
                        .resourcePolicy(trust)
                        .resourceOwner(owner)
                        .callerArn(principal)
                        .actionNames("sts:AssumeRole")
                        .resourceArns(r.arn()))
            .evaluationResults()
            .get(0);
    boolean allowed = "allowed".equals(e.evalDecisionAsString());
    return Verdict.of(
        allowed, expected, Messages.text("actual.decision", e.evalDecisionAsString()));
  }

  /**
   * The trust policy as a resource policy on the role: trust policies have no {@code Resource},
   * which the simulator requires of a resource policy, so each statement gets the role's ARN.
   */
  static String withResource(String trust, String roleArn) {
    try {
      com.fasterxml.jackson.databind.ObjectMapper json =
          new com.fasterxml.jackson.databind.ObjectMapper();
      com.fasterxml.jackson.databind.JsonNode doc = json.readTree(trust);
      com.fasterxml.jackson.databind.JsonNode st = doc.path("Statement");
      List<com.fasterxml.jackson.databind.JsonNode> statements = new ArrayList<>();
      if (st.isArray()) {
        st.forEach(statements::add);
      } else if (st.isObject()) {
        statements.add(st);
      }
      for (com.fasterxml.jackson.databind.JsonNode s : statements) {
        if (s.isObject() && !s.has("Resource") && !s.has("NotResource")) {
          ((com.fasterxml.jackson.databind.node.ObjectNode) s).put("Resource", roleArn);
        }
      }
      return json.writeValueAsString(doc);
    } catch (java.io.IOException e) {
      return trust;
    }
  }

  private static boolean exists(
      IamClient iam, StateQuestion.Entity entity, String name, Placeholders ph) {
    try {
      switch (entity) {
        case USER -> iam.getUser(b -> b.userName(name));
        case ROLE -> iam.getRole(b -> b.roleName(name));
        case GROUP -> iam.getGroup(b -> b.groupName(name));
        case POLICY ->
            iam.getPolicy(
                b ->
                    b.policyArn(
                        name.startsWith("arn:")
                            ? name
                            : ph.apply("arn:aws:iam::{{account}}:policy/") + name));
      }
      return true;
    } catch (NoSuchEntityException e) {
      return false;
    }
  }

  private static List<AttachedPolicy> attached(
      IamClient iam, StateQuestion.Entity entity, String name) {
    try {
      return switch (entity) {
        case ROLE ->
            iam.listAttachedRolePoliciesPaginator(b -> b.roleName(name)).attachedPolicies().stream()
                .toList();
        case USER ->
            iam.listAttachedUserPoliciesPaginator(b -> b.userName(name)).attachedPolicies().stream()
                .toList();
        default ->
            iam
                .listAttachedGroupPoliciesPaginator(b -> b.groupName(name))
                .attachedPolicies()
                .stream()
                .toList();
      };
    } catch (NoSuchEntityException e) {
      return List.of();
    }
  }

  private static ContextEntry entry(String key, String value) {
    ContextKeyTypeEnum type =
        value.equals("true") || value.equals("false")
            ? ContextKeyTypeEnum.BOOLEAN
            : value.matches("-?\\d+(\\.\\d+)?")
                ? ContextKeyTypeEnum.NUMERIC
                : ContextKeyTypeEnum.STRING;
    return ContextEntry.builder()
        .contextKeyName(key)
        .contextKeyValues(value)
        .contextKeyType(type)
        .build();
  }
}
