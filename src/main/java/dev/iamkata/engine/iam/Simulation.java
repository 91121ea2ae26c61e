package dev.iamkata.engine.iam;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.policy.ContextKeys;
import dev.iamkata.engine.policy.Decision;
import dev.iamkata.engine.policy.EvaluationInput;
import dev.iamkata.engine.policy.Explanation;
import dev.iamkata.engine.policy.LayerMatches;
import dev.iamkata.engine.policy.MalformedPolicyException;
import dev.iamkata.engine.policy.MatchedStatement;
import dev.iamkata.engine.policy.Policy;
import dev.iamkata.engine.policy.PolicyEvaluator;
import dev.iamkata.engine.policy.PolicyKind;
import dev.iamkata.engine.policy.PolicyParser;
import dev.iamkata.engine.policy.PolicyType;
import dev.iamkata.engine.policy.PrincipalIdentity;
import dev.iamkata.engine.policy.RequestContext;
import dev.iamkata.engine.policy.SourcedPolicy;
import dev.iamkata.engine.policy.StatementPositions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.PermissionsBoundaryDecisionDetail;
import software.amazon.awssdk.services.iam.model.Position;
import software.amazon.awssdk.services.iam.model.ResourceSpecificResult;
import software.amazon.awssdk.services.iam.model.Statement;

/**
 * One run of the IAM policy simulator: the policies in play, the simulated caller and context, and
 * the results AWS's {@code SimulateCustomPolicy} and {@code SimulatePrincipalPolicy} return for
 * each action and resource. The decisions come from the engine's own evaluator ({@link
 * PolicyEvaluator#explain}); this class only lays them out as the simulator does.
 *
 * <p>What the layout follows, from recorded simulator output: identity policies are reported with
 * {@code SourcePolicyType} {@code IAM Policy} (the type enum in the API model is not what the
 * service returns), the resource-based policy as {@code ResourcePolicy} / {@code Resource Policy},
 * a boundary as {@code Permissions Boundary Policy}; an explicit deny lists the applicable Allow
 * statements too; an implicit deny lists none, and only an implicit deny reports {@code
 * MissingContextValues}: every key the simulated policies refer to that the request's {@code
 * ContextEntries} did not supply. With explicit resources each result also carries {@code
 * EvalDecisionDetails} (empty within one account) and one {@code ResourceSpecificResults} entry.
 */
final class Simulation {
  static final String IAM_POLICY = "IAM Policy";
  static final String RESOURCE_POLICY = "Resource Policy";
  static final String BOUNDARY_POLICY = "Permissions Boundary Policy";

  /** {@code aws:userid} of a simulation without a caller, as the simulator fills it in. */
  static final String STUB_USER_ID = "STUB_PRINCIPAL_FOR_POLICY_SIMULATOR";

  /**
   * A policy taking part in a simulation.
   *
   * @param id the {@code SourcePolicyId} the simulator reports, e.g. {@code PolicyInputList.1}
   * @param type the {@code SourcePolicyType}, e.g. {@code IAM Policy}
   * @param policy the parsed document
   */
  record Input(String id, String type, Policy policy) {
    Input {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(policy, "policy");
    }

    /** Parses {@code json}, failing with {@code MalformedPolicyDocument} as IAM would. */
    static Input parse(String id, String type, String json, PolicyKind kind) {
      try {
        return new Input(id, type, PolicyParser.parse(json, kind));
      } catch (MalformedPolicyException e) {
        throw new AwsException(AwsError.MALFORMED_POLICY_DOCUMENT, e.getMessage());
      }
    }
  }

  /**
   * Everything but the actions and resources.
   *
   * @param identity identity-based policies, in the order the simulator reports them
   * @param boundary the permissions boundary, or null
   * @param resourcePolicy the resource-based policy, or null
   * @param caller the simulated caller
   * @param resourceOwner the account that owns resources whose ARN names none, or null for the
   *     caller's
   * @param defaults condition keys the simulator fills in from the caller
   * @param supplied the request's {@code ContextEntries}, which win over {@code defaults}
   */
  record Setup(
      List<Input> identity,
      Input boundary,
      Input resourcePolicy,
      PrincipalIdentity caller,
      String resourceOwner,
      Map<String, List<String>> defaults,
      Map<String, List<String>> supplied) {}

  private final Setup setup;
  private final Map<String, Input> bySource = new LinkedHashMap<>();
  private final Map<String, Integer> order = new LinkedHashMap<>();
  private final Map<String, List<StatementPositions.Span>> spans = new LinkedHashMap<>();
  private final List<SourcedPolicy> identity = new ArrayList<>();
  private final SourcedPolicy boundary;
  private final SourcedPolicy resourcePolicy;
  private final Map<String, List<String>> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final List<String> missing;

  Simulation(Setup setup) {
    this.setup = setup;
    for (Input input : setup.identity()) {
      identity.add(source(input, PolicyType.IDENTITY));
    }
    boundary = setup.boundary() == null ? null : source(setup.boundary(), PolicyType.BOUNDARY);
    resourcePolicy =
        setup.resourcePolicy() == null ? null : source(setup.resourcePolicy(), PolicyType.RESOURCE);
    keys.putAll(setup.defaults());
    keys.putAll(setup.supplied());
    Set<String> given = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    given.addAll(setup.supplied().keySet());
    missing =
        ContextKeys.of(bySource.values().stream().map(Input::policy).toList()).stream()
            .filter(key -> !given.contains(key))
            .toList();
  }

  private SourcedPolicy source(Input input, PolicyType type) {
    String sourceId = "#" + bySource.size();
    bySource.put(sourceId, input);
    order.put(sourceId, order.size());
    spans.put(sourceId, StatementPositions.of(input.policy().json()));
    return new SourcedPolicy(sourceId, type, input.policy());
  }

  /**
   * The results in the simulator's order: for each action, each resource.
   *
   * @param resources the resources to simulate; empty (or just {@code *}) means {@code *}
   */
  List<EvaluationResult> run(List<String> actions, List<String> resources) {
    boolean explicit = !resources.isEmpty() && !resources.equals(List.of("*"));
    List<String> targets = explicit ? resources : List.of("*");
    List<EvaluationResult> results = new ArrayList<>();
    for (String action : actions) {
      for (String resource : targets) {
        results.add(result(action, resource, explicit));
      }
    }
    return results;
  }

  private EvaluationResult result(String action, String resource, boolean explicit) {
    Explanation explanation = PolicyEvaluator.explain(input(action, resource));
    Decision.Outcome outcome = explanation.decision().outcome();
    String decision = decision(outcome);
    List<Statement> matched = matched(explanation);
    List<String> missingValues =
        outcome == Decision.Outcome.IMPLICIT_DENY ? missing : List.<String>of();
    PermissionsBoundaryDecisionDetail boundaryDetail =
        boundary == null
            ? null
            : PermissionsBoundaryDecisionDetail.builder()
                .allowedByPermissionsBoundary(
                    explanation.boundary().outcome() == Decision.Outcome.ALLOWED)
                .build();
    EvaluationResult.Builder result =
        EvaluationResult.builder()
            .evalActionName(action)
            .evalResourceName(resource)
            .evalDecision(decision)
            .matchedStatements(matched)
            .missingContextValues(missingValues)
            .permissionsBoundaryDecisionDetail(boundaryDetail);
    if (explicit) {
      Map<String, String> details = details(explanation);
      ResourceSpecificResult.Builder specific =
          ResourceSpecificResult.builder()
              .evalResourceName(resource)
              .evalResourceDecision(decision)
              .matchedStatements(matched)
              .missingContextValues(missingValues)
              .permissionsBoundaryDecisionDetail(boundaryDetail);
      if (!details.isEmpty()) {
        specific.evalDecisionDetailsWithStrings(details);
      }
      result.evalDecisionDetailsWithStrings(details).resourceSpecificResults(specific.build());
    }
    return result.build();
  }

  private EvaluationInput input(String action, String resource) {
    PrincipalIdentity caller = setup.caller();
    EvaluationInput.Builder input =
        EvaluationInput.builder(RequestContext.simulated(action, resource, caller, keys))
            .identityPolicies(identity)
            .permissionsBoundary(boundary)
            .resourcePolicy(resourcePolicy);
    // Without a resource-based policy the simulator judges the identity policies alone, as within
    // the caller's own account; with one, the resource's owner decides whether both sides count.
    if (resourcePolicy == null) {
      input.resourceAccount(caller.account());
    } else if (arnAccount(resource) == null) {
      input.resourceAccount(
          setup.resourceOwner() != null ? setup.resourceOwner() : caller.account());
    }
    return input.build();
  }

  private static String arnAccount(String resource) {
    String[] parts = resource.split(":", 6);
    return parts.length == 6 && parts[4].matches("[0-9]{12}") ? parts[4] : null;
  }

  /**
   * For an allowed request, the Allow statements of the resource-based and identity-based policies;
   * for an explicit deny, every statement of theirs that applied plus the boundary's Deny
   * statements; for an implicit deny, none.
   */
  private List<Statement> matched(Explanation explanation) {
    List<MatchedStatement> statements = new ArrayList<>();
    switch (explanation.decision().outcome()) {
      case ALLOWED -> {
        statements.addAll(inOrder(explanation.resource().allows().stream()));
        statements.addAll(inOrder(explanation.identity().allows().stream()));
      }
      case EXPLICIT_DENY -> {
        statements.addAll(all(explanation.resource()));
        statements.addAll(all(explanation.identity()));
        statements.addAll(inOrder(explanation.boundary().denies().stream()));
      }
      case IMPLICIT_DENY -> {}
    }
    Set<Statement> out = new LinkedHashSet<>();
    for (MatchedStatement statement : statements) {
      out.add(statement(statement));
    }
    return List.copyOf(out);
  }

  private List<MatchedStatement> all(LayerMatches layer) {
    return inOrder(Stream.concat(layer.denies().stream(), layer.allows().stream()));
  }

  private List<MatchedStatement> inOrder(Stream<MatchedStatement> statements) {
    return statements
        .sorted(
            Comparator.comparing((MatchedStatement s) -> order.get(s.sourceId()))
                .thenComparing(MatchedStatement::index))
        .toList();
  }

  private Statement statement(MatchedStatement matched) {
    Input input = bySource.get(matched.sourceId());
    Statement.Builder statement =
        Statement.builder().sourcePolicyId(input.id()).sourcePolicyType(input.type());
    List<StatementPositions.Span> policySpans = spans.get(matched.sourceId());
    if (matched.index() < policySpans.size()) {
      StatementPositions.Span span = policySpans.get(matched.index());
      statement.startPosition(position(span.start())).endPosition(position(span.end()));
    }
    return statement.build();
  }

  private static Position position(StatementPositions.Position position) {
    return Position.builder().line(position.line()).column(position.column()).build();
  }

  /** Across accounts, what each kind of policy says on its own; within one account, nothing. */
  private Map<String, String> details(Explanation explanation) {
    Map<String, String> details = new LinkedHashMap<>();
    if (explanation.crossAccount()) {
      details.put(IAM_POLICY, decision(explanation.identity().outcome()));
      details.put(RESOURCE_POLICY, decision(explanation.resource().outcome()));
      if (boundary != null) {
        details.put(BOUNDARY_POLICY, decision(explanation.boundary().outcome()));
      }
    }
    return details;
  }

  /** The context keys every simulated policy refers to, as GetContextKeys* lists them. */
  static List<String> contextKeys(List<Input> policies) {
    return ContextKeys.of(policies.stream().map(Input::policy).toList());
  }

  static String decision(Decision.Outcome outcome) {
    return switch (outcome) {
      case ALLOWED -> "allowed";
      case EXPLICIT_DENY -> "explicitDeny";
      case IMPLICIT_DENY -> "implicitDeny";
    };
  }
}
