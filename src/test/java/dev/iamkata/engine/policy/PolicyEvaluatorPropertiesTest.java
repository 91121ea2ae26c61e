package dev.iamkata.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Property-based tests of {@link PolicyEvaluator} over generated requests and policy sets (identity
 * policies, a permissions boundary, session policies, a resource or trust policy, same account and
 * cross-account): a Deny statement added anywhere can only produce explicit denies, an Allow added
 * anywhere never lifts an explicit deny, and the same input always gets the same decision.
 */
class PolicyEvaluatorPropertiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Property(tries = 1500, edgeCases = EdgeCasesMode.NONE)
  void addingADenyNeverGrants(@ForAll("denyAdded") Change change) {
    Decision before = change.before().evaluate();
    Decision after = change.after().evaluate();
    Statistics.label("before").collect(before.outcome());
    Statistics.label("before")
        .coverage(
            c -> {
              c.check(Decision.Outcome.ALLOWED).percentage(p -> p >= 5);
              c.check(Decision.Outcome.EXPLICIT_DENY).percentage(p -> p >= 5);
              c.check(Decision.Outcome.IMPLICIT_DENY).percentage(p -> p >= 5);
            });
    Statistics.label("change").collect(before.outcome() + " -> " + after.outcome());
    Statistics.label("added to").collect(change.layer(), change.before().trust() ? "trust" : "");
    if (!before.allowed()) {
      assertFalse(after.allowed(), "a Deny statement turned a denied request into an allowed one");
    }
    if (before.outcome() == Decision.Outcome.EXPLICIT_DENY) {
      assertEquals(Decision.Outcome.EXPLICIT_DENY, after.outcome());
    }
    // Stronger still: a Deny statement can only add an explicit deny, never change anything else.
    assertTrue(
        after.outcome() == before.outcome() || after.outcome() == Decision.Outcome.EXPLICIT_DENY,
        () -> before.outcome() + " became " + after.outcome());
  }

  @Property(tries = 1500, edgeCases = EdgeCasesMode.NONE)
  void addingAnAllowNeverLiftsAnExplicitDeny(@ForAll("allowAdded") Change change) {
    Decision before = change.before().evaluate();
    Decision after = change.after().evaluate();
    Statistics.label("before").collect(before.outcome());
    Statistics.label("change").collect(before.outcome() + " -> " + after.outcome());
    if (before.outcome() == Decision.Outcome.EXPLICIT_DENY) {
      assertFalse(after.allowed(), "an Allow statement lifted an explicit deny");
      assertEquals(Decision.Outcome.EXPLICIT_DENY, after.outcome());
      assertEquals(before.decidingType(), after.decidingType());
    }
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void evaluationIsDeterministic(
      @ForAll("scenarios") Scenario scenario, @ForAll("scenarios") Scenario other) {
    EvaluationInput input = scenario.input();
    Decision first = scenario.evaluate(input);
    Decision again = scenario.evaluate(input);
    other.evaluate();
    Decision reparsed = scenario.evaluate(scenario.input());
    assertEquals(first, again);
    assertEquals(first, reparsed);
    assertEquals(first.reason(scenario.action()), reparsed.reason(scenario.action()));
    Statistics.label("outcome").collect(first.outcome());
  }

  // -----------------------------------------------------------------------------------------------

  /** Where a generated statement is added. */
  enum Layer {
    NEW_IDENTITY_POLICY,
    IDENTITY_POLICY,
    BOUNDARY,
    NEW_SESSION_POLICY,
    SESSION_POLICY,
    RESOURCE_POLICY
  }

  /** A scenario and the same scenario with one statement added. */
  record Change(Scenario before, Scenario after, Layer layer) {}

  /**
   * One request and the policies that decide it, kept as the JSON that was generated so that a
   * failing case prints as something a person can read and paste into a table.
   *
   * @param trust true for a role assumption, decided by {@link PolicyEvaluator#evaluateTrust}
   * @param identity identity policies, each a list of statements
   * @param boundary the permissions boundary's statements, if there is one
   * @param session session policies, when session policies are in effect
   * @param resource the resource (or trust) policy's statements, if there is one
   * @param resourceAccount the account owning the resource; empty to read it from the ARN
   */
  record Scenario(
      boolean trust,
      String version,
      String caller,
      String action,
      String resourceArn,
      Map<String, List<String>> keys,
      List<List<Map<String, Object>>> identity,
      Optional<List<Map<String, Object>>> boundary,
      Optional<List<List<Map<String, Object>>>> session,
      Optional<List<Map<String, Object>>> resource,
      String resourceAccount) {

    PolicyKind resourceKind() {
      return trust ? PolicyKind.TRUST : PolicyKind.RESOURCE;
    }

    Decision evaluate() {
      return evaluate(input());
    }

    Decision evaluate(EvaluationInput input) {
      return trust ? PolicyEvaluator.evaluateTrust(input) : PolicyEvaluator.evaluate(input);
    }

    EvaluationInput input() {
      RequestContext.Builder request =
          RequestContext.builder(action, resourceArn, PolicyGen.CALLERS.get(caller));
      keys.forEach(request::key);
      EvaluationInput.Builder input = EvaluationInput.builder(request.build());
      for (int i = 0; i < identity.size(); i++) {
        input.identityPolicy(sourced("identity/" + i, PolicyType.IDENTITY, identity.get(i)));
      }
      boundary.ifPresent(
          b -> input.permissionsBoundary(sourced("boundary", PolicyType.BOUNDARY, b)));
      session.ifPresent(
          policies -> {
            List<SourcedPolicy> sourced = new ArrayList<>();
            for (int i = 0; i < policies.size(); i++) {
              sourced.add(sourced("session/" + i, PolicyType.SESSION, policies.get(i)));
            }
            input.sessionPolicies(sourced);
          });
      resource.ifPresent(r -> input.resourcePolicy(sourced("resource", PolicyType.RESOURCE, r)));
      if (!resourceAccount.isEmpty()) {
        input.resourceAccount(resourceAccount);
      }
      return input.build();
    }

    private SourcedPolicy sourced(
        String id, PolicyType type, List<Map<String, Object>> statements) {
      PolicyKind kind =
          type != PolicyType.RESOURCE
              ? PolicyKind.IDENTITY
              : trust ? PolicyKind.TRUST : PolicyKind.RESOURCE;
      return new SourcedPolicy(id, type, PolicyParser.parse(document(statements), kind));
    }

    private String document(List<Map<String, Object>> statements) {
      Map<String, Object> policy = new LinkedHashMap<>();
      if (!version.isEmpty()) {
        policy.put("Version", version);
      }
      policy.put("Statement", statements);
      return json(policy);
    }

    Scenario with(Layer layer, double position, Map<String, Object> statement) {
      List<List<Map<String, Object>>> newIdentity = identity;
      Optional<List<Map<String, Object>>> newBoundary = boundary;
      Optional<List<List<Map<String, Object>>>> newSession = session;
      Optional<List<Map<String, Object>>> newResource = resource;
      switch (layer) {
        case NEW_IDENTITY_POLICY -> newIdentity = inserted(identity, position, List.of(statement));
        case IDENTITY_POLICY -> newIdentity = insertedInto(identity, position, statement);
        case BOUNDARY -> newBoundary = boundary.map(b -> inserted(b, position, statement));
        case NEW_SESSION_POLICY ->
            newSession = session.map(s -> inserted(s, position, List.of(statement)));
        case SESSION_POLICY -> newSession = session.map(s -> insertedInto(s, position, statement));
        case RESOURCE_POLICY ->
            newResource = Optional.of(inserted(resource.orElse(List.of()), position, statement));
      }
      return new Scenario(
          trust,
          version,
          caller,
          action,
          resourceArn,
          keys,
          newIdentity,
          newBoundary,
          newSession,
          newResource,
          resourceAccount);
    }

    /** The layers a statement can be added to without creating a boundary or session policies. */
    List<Layer> layers() {
      List<Layer> layers =
          new ArrayList<>(List.of(Layer.NEW_IDENTITY_POLICY, Layer.RESOURCE_POLICY));
      if (!identity.isEmpty()) {
        layers.add(Layer.IDENTITY_POLICY);
      }
      boundary.ifPresent(b -> layers.add(Layer.BOUNDARY));
      session.ifPresent(
          s -> {
            layers.add(Layer.NEW_SESSION_POLICY);
            if (!s.isEmpty()) {
              layers.add(Layer.SESSION_POLICY);
            }
          });
      return layers;
    }

    @Override
    public String toString() {
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("trust", trust);
      all.put("principal", caller);
      all.put("action", action);
      all.put("resource", resourceArn);
      all.put("keys", keys);
      all.put("identity", identity.stream().map(this::asPolicy).toList());
      boundary.ifPresent(b -> all.put("boundary", asPolicy(b)));
      session.ifPresent(s -> all.put("session", s.stream().map(this::asPolicy).toList()));
      resource.ifPresent(r -> all.put("resourcePolicy", asPolicy(r)));
      if (!resourceAccount.isEmpty()) {
        all.put("resourceAccount", resourceAccount);
      }
      return json(all);
    }

    private Object asPolicy(List<Map<String, Object>> statements) {
      Map<String, Object> policy = new LinkedHashMap<>();
      if (!version.isEmpty()) {
        policy.put("Version", version);
      }
      policy.put("Statement", statements);
      return policy;
    }
  }

  private static <T> List<T> inserted(List<T> list, double position, T item) {
    List<T> copy = new ArrayList<>(list);
    copy.add((int) Math.round(position * list.size()), item);
    return copy;
  }

  private static List<List<Map<String, Object>>> insertedInto(
      List<List<Map<String, Object>>> policies, double position, Map<String, Object> statement) {
    List<List<Map<String, Object>>> copy = new ArrayList<>(policies);
    int policy = Math.min((int) (position * policies.size()), policies.size() - 1);
    copy.set(policy, inserted(policies.get(policy), position, statement));
    return copy;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // -----------------------------------------------------------------------------------------------

  @Provide
  Arbitrary<Scenario> scenarios() {
    return Arbitraries.of(false, false, false, true)
        .flatMap(PolicyEvaluatorPropertiesTest::scenario);
  }

  @Provide
  Arbitrary<Change> denyAdded() {
    return changes(Effect.DENY);
  }

  @Provide
  Arbitrary<Change> allowAdded() {
    return changes(Effect.ALLOW);
  }

  private Arbitrary<Change> changes(Effect effect) {
    return scenarios()
        .flatMap(
            scenario ->
                Arbitraries.of(scenario.layers())
                    .flatMap(
                        layer ->
                            Combinators.combine(
                                    Arbitraries.doubles().between(0, 1),
                                    PolicyGen.statementFor(
                                        layer != Layer.RESOURCE_POLICY
                                            ? PolicyKind.IDENTITY
                                            : scenario.resourceKind(),
                                        effect,
                                        scenario.action(),
                                        scenario.resourceArn()))
                                .as(
                                    (position, statement) ->
                                        new Change(
                                            scenario,
                                            scenario.with(layer, position, statement),
                                            layer))));
  }

  private static Arbitrary<Scenario> scenario(boolean trust) {
    Arbitrary<Request> requests =
        Combinators.combine(
                Arbitraries.of(PolicyGen.CALLERS.keySet()),
                Arbitraries.of(trust ? PolicyGen.TRUST_REQUEST_ACTIONS : PolicyGen.ACTIONS),
                Arbitraries.of(trust ? PolicyGen.ROLES : PolicyGen.RESOURCES),
                Arbitraries.of("", "", "", "111122223333", "444455556666"),
                Arbitraries.of("2012-10-17", "2012-10-17", "2012-10-17", "2008-10-17", ""))
            .as(Request::new);
    Arbitrary<Map<String, List<String>>> keys =
        Arbitraries.maps(
                Arbitraries.of(PolicyGen.CONDITION_KEYS),
                Arbitraries.of(PolicyGen.CONTEXT_VALUES).list().ofMaxSize(3))
            .ofMaxSize(6);
    return requests.flatMap(
        r -> {
          Arbitrary<List<Map<String, Object>>> identityPolicy =
              PolicyGen.statementFor(PolicyKind.IDENTITY, r.action(), r.resource())
                  .list()
                  .ofMinSize(1)
                  .ofMaxSize(3);
          PolicyKind resourceKind = trust ? PolicyKind.TRUST : PolicyKind.RESOURCE;
          return Combinators.combine(
                  keys,
                  identityPolicy.list().ofMaxSize(3),
                  identityPolicy.optional(0.3),
                  identityPolicy.list().ofMaxSize(2).optional(0.3),
                  PolicyGen.statementFor(resourceKind, r.action(), r.resource())
                      .list()
                      .ofMinSize(1)
                      .ofMaxSize(3)
                      .optional(trust ? 0.9 : 0.5))
              .as(
                  (k, identity, boundary, session, resource) ->
                      new Scenario(
                          trust,
                          r.version(),
                          r.caller(),
                          r.action(),
                          r.resource(),
                          k,
                          identity,
                          boundary,
                          session,
                          resource,
                          r.resourceAccount()));
        });
  }

  private record Request(
      String caller, String action, String resource, String resourceAccount, String version) {}
}
