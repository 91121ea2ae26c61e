package dev.iamkata.engine.iam;

import static dev.iamkata.engine.iam.Rows.row;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.policy.PolicyKind;
import dev.iamkata.engine.policy.PrincipalIdentity;
import dev.iamkata.engine.protocol.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.GetContextKeysForCustomPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetContextKeysForCustomPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetContextKeysForPrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetContextKeysForPrincipalPolicyResponse;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyResponse;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;

/**
 * The policy simulator: SimulateCustomPolicy, SimulatePrincipalPolicy,
 * GetContextKeysForCustomPolicy and GetContextKeysForPrincipalPolicy: their routing rows and the
 * simulation runs. Policies carry the names the simulator reports: request documents as {@code
 * PolicyInputList.N}; a principal's own as {@link SimulationPrincipals} names them. Request checks
 * are {@link SimulationParams}; condition keys are {@link SimulationContext}.
 */
final class SimulationOps {
  private static final Pattern OWNER = Pattern.compile("(?:arn:aws:iam::)?([0-9]{12})(?::root)?");

  private final IamContext ctx;
  private final SimulationPrincipals principals;

  SimulationOps(IamContext ctx) {
    this.ctx = ctx;
    this.principals = new SimulationPrincipals(ctx);
  }

  List<Operation<?, ?>> operations() {
    return List.of(
        row(
            "SimulateCustomPolicy",
            SimulateCustomPolicyRequest::builder,
            (c, q) -> {
              SimulationParams p = SimulationParams.of(q);
              p.check(Check.request().required("policyInputList", p.policyInputList())).done();
            },
            (c, q) -> "*",
            this::simulateCustom),
        row(
            "SimulatePrincipalPolicy",
            SimulatePrincipalPolicyRequest::builder,
            (c, q) ->
                SimulationParams.of(q)
                    .check(
                        Check.request()
                            .required("policySourceArn", q.policySourceArn())
                            .arn("policySourceArn", q.policySourceArn()))
                    .done(),
            (c, q) -> q.policySourceArn(),
            this::simulatePrincipal),
        row(
            "GetContextKeysForCustomPolicy",
            GetContextKeysForCustomPolicyRequest::builder,
            (c, q) -> {
              List<String> docs = q.hasPolicyInputList() ? q.policyInputList() : null;
              Check check = Check.request().required("policyInputList", docs);
              SimulationParams.documents(check, "policyInputList", docs);
              check.done();
            },
            (c, q) -> "*",
            (c, q) ->
                GetContextKeysForCustomPolicyResponse.builder()
                    .contextKeyNames(
                        Simulation.contextKeys(inputs(q.policyInputList(), new ArrayList<>())))
                    .build()),
        row(
            "GetContextKeysForPrincipalPolicy",
            GetContextKeysForPrincipalPolicyRequest::builder,
            (c, q) -> {
              List<String> docs = q.hasPolicyInputList() ? q.policyInputList() : null;
              Check check =
                  Check.request()
                      .required("policySourceArn", q.policySourceArn())
                      .arn("policySourceArn", q.policySourceArn());
              SimulationParams.documents(check, "policyInputList", docs);
              check.done();
            },
            (c, q) -> q.policySourceArn(),
            this::contextKeysForPrincipal));
  }

  private SimulateCustomPolicyResponse simulateCustom(Caller c, SimulateCustomPolicyRequest q) {
    SimulationParams p = SimulationParams.of(q);
    Map<String, List<String>> supplied = SimulationContext.contextEntries(p.contextEntries());
    List<Simulation.Input> identity = inputs(p.policyInputList(), new ArrayList<>());
    Simulation.Input boundary = boundaryInput(p.boundaryInputList(), null);
    PrincipalIdentity caller = ctx.state.read(() -> principals.callerArn(c, p.callerArn()));
    if (p.resourcePolicy() != null && caller == null) {
      throw invalidInput("Invalid caller - Caller cannot be null or empty.");
    }
    Page page = simulate(c, p, identity, boundary, caller, supplied);
    return SimulateCustomPolicyResponse.builder()
        .evaluationResults(page.results())
        .isTruncated(page.truncated())
        .marker(page.marker())
        .build();
  }

  private SimulatePrincipalPolicyResponse simulatePrincipal(
      Caller c, SimulatePrincipalPolicyRequest q) {
    SimulationParams p = SimulationParams.of(q);
    Map<String, List<String>> supplied = SimulationContext.contextEntries(p.contextEntries());
    SimulationPrincipals.Gathered gathered =
        ctx.state.read(() -> principals.gather(c, q.policySourceArn()));
    List<Simulation.Input> identity = new ArrayList<>(gathered.policies());
    identity.addAll(inputs(p.policyInputList(), new ArrayList<>()));
    Simulation.Input boundary = boundaryInput(p.boundaryInputList(), gathered.boundary());
    PrincipalIdentity caller =
        p.callerArn() != null
            ? ctx.state.read(() -> principals.callerArn(c, p.callerArn()))
            : gathered.user();
    if (p.resourcePolicy() != null && caller == null) {
      throw invalidInput("Invalid caller - Caller must be an IAM user in this context.");
    }
    Page page = simulate(c, p, identity, boundary, caller, supplied);
    return SimulatePrincipalPolicyResponse.builder()
        .evaluationResults(page.results())
        .isTruncated(page.truncated())
        .marker(page.marker())
        .build();
  }

  private record Page(List<EvaluationResult> results, boolean truncated, String marker) {}

  private Page simulate(
      Caller c,
      SimulationParams p,
      List<Simulation.Input> identity,
      Simulation.Input boundary,
      PrincipalIdentity caller,
      Map<String, List<String>> supplied) {
    Simulation.Input resourcePolicy = null;
    if (p.resourcePolicy() != null) {
      if (p.resources().isEmpty() || p.resources().contains("*")) {
        throw invalidInput("Invalid Entity Arn: * does not clearly define entity type and name.");
      }
      resourcePolicy =
          Simulation.Input.parse(
              "ResourcePolicy",
              Simulation.RESOURCE_POLICY,
              p.resourcePolicy(),
              PolicyKind.RESOURCE);
    }
    String owner = null;
    if (p.resourceOwner() != null) {
      Matcher m = OWNER.matcher(p.resourceOwner());
      if (!m.matches()) {
        throw invalidInput("Invalid Resource Owner.");
      }
      owner = m.group(1);
    }
    PrincipalIdentity simulated = caller != null ? caller : placeholder(c.account());
    Simulation simulation =
        new Simulation(
            new Simulation.Setup(
                identity,
                boundary,
                resourcePolicy,
                simulated,
                owner,
                SimulationContext.defaults(caller, c.account()),
                supplied));
    List<EvaluationResult> all = simulation.run(p.actionNames(), p.resources());
    List<Numbered> numbered = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      numbered.add(new Numbered(String.format("%010d", i), all.get(i)));
    }
    Pages.Page<Numbered> page = Pages.of(numbered, Numbered::key, p.marker(), p.maxItems());
    return new Page(
        page.items().stream().map(Numbered::result).toList(), page.truncated(), page.marker());
  }

  private record Numbered(String key, EvaluationResult result) {}

  private GetContextKeysForPrincipalPolicyResponse contextKeysForPrincipal(
      Caller c, GetContextKeysForPrincipalPolicyRequest q) {
    SimulationPrincipals.Gathered gathered =
        ctx.state.read(() -> principals.gather(c, q.policySourceArn()));
    List<Simulation.Input> policies = new ArrayList<>(gathered.policies());
    policies.addAll(inputs(q.hasPolicyInputList() ? q.policyInputList() : null, new ArrayList<>()));
    return GetContextKeysForPrincipalPolicyResponse.builder()
        .contextKeyNames(Simulation.contextKeys(policies))
        .build();
  }

  /** Request documents as {@code PolicyInputList.1}, {@code PolicyInputList.2}, … */
  private static List<Simulation.Input> inputs(List<String> documents, List<Simulation.Input> out) {
    if (documents != null) {
      for (int i = 0; i < documents.size(); i++) {
        out.add(
            Simulation.Input.parse(
                "PolicyInputList." + (i + 1),
                Simulation.IAM_POLICY,
                documents.get(i),
                PolicyKind.IDENTITY));
      }
    }
    return out;
  }

  /** The boundary given in the request, which replaces the principal's own, if any. */
  private static Simulation.Input boundaryInput(List<String> documents, Simulation.Input own) {
    if (documents == null || documents.isEmpty()) {
      return own;
    }
    if (documents.size() > 1) {
      throw invalidInput("The list of Permissions Boundary policies cannot exceed 1 items.");
    }
    return Simulation.Input.parse(
        "PermissionsBoundaryPolicyInputList.1",
        Simulation.BOUNDARY_POLICY,
        documents.get(0),
        PolicyKind.IDENTITY);
  }

  /** A caller in the account that no Principal element names: a simulation without CallerArn. */
  private static PrincipalIdentity placeholder(String account) {
    return new PrincipalIdentity(
        PrincipalIdentity.Type.USER, account, null, null, null, null, null, null);
  }

  static AwsException invalidInput(String message) {
    return new AwsException(AwsError.INVALID_INPUT, message);
  }
}
