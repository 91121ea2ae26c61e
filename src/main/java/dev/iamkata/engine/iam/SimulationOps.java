package dev.iamkata.engine.iam;

import static dev.iamkata.engine.iam.Rows.row;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.policy.ContextValues;
import dev.iamkata.engine.policy.Policy;
import dev.iamkata.engine.policy.PolicyKind;
import dev.iamkata.engine.policy.PrincipalIdentity;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.Entity;
import dev.iamkata.engine.state.Group;
import dev.iamkata.engine.state.Principal;
import dev.iamkata.engine.state.Role;
import dev.iamkata.engine.state.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.iam.model.ContextEntry;
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
 * GetContextKeysForCustomPolicy and GetContextKeysForPrincipalPolicy. A principal's policies are
 * gathered the way the engine's authorizer gathers a caller's (own inline and attached policies,
 * for a user also its groups', and the permissions boundary), under the names the simulator
 * reports: an inline policy as {@code user_NAME_POLICY}, {@code group_NAME_POLICY} or {@code
 * role_NAME_POLICY}, a managed policy by its name, request documents as {@code PolicyInputList.N}.
 */
final class SimulationOps {
  static final List<String> CONTEXT_KEY_TYPES =
      List.of(
          "string",
          "stringList",
          "numeric",
          "numericList",
          "boolean",
          "booleanList",
          "ip",
          "ipList",
          "binary",
          "binaryList",
          "date",
          "dateList");

  private static final Pattern ENTITY_ARN =
      Pattern.compile("arn:aws:iam::([0-9]{12}):(user|group|role)(/(?:.*/)?)([^/]+)");
  private static final Pattern OWNER = Pattern.compile("(?:arn:aws:iam::)?([0-9]{12})(?::root)?");

  private static final Map<String, String> FORMATS =
      Map.of(
          "numeric", "numeric format",
          "date", "DateTime format",
          "ip", "IP address",
          "binary", "base-64 encoded binary format");

  private final IamContext ctx;

  SimulationOps(IamContext ctx) {
    this.ctx = ctx;
  }

  /** The parameters both Simulate operations share. */
  private record Params(
      List<String> policyInputList,
      List<String> boundaryInputList,
      List<String> actionNames,
      List<String> resourceArns,
      String resourcePolicy,
      String resourceOwner,
      String callerArn,
      List<ContextEntry> contextEntries,
      String resourceHandlingOption,
      Integer maxItems,
      String marker) {

    static Params of(SimulateCustomPolicyRequest q) {
      return new Params(
          q.hasPolicyInputList() ? q.policyInputList() : null,
          q.hasPermissionsBoundaryPolicyInputList() ? q.permissionsBoundaryPolicyInputList() : null,
          q.hasActionNames() ? q.actionNames() : null,
          q.hasResourceArns() ? q.resourceArns() : null,
          q.resourcePolicy(),
          q.resourceOwner(),
          q.callerArn(),
          q.hasContextEntries() ? q.contextEntries() : null,
          q.resourceHandlingOption(),
          q.maxItems(),
          q.marker());
    }

    static Params of(SimulatePrincipalPolicyRequest q) {
      return new Params(
          q.hasPolicyInputList() ? q.policyInputList() : null,
          q.hasPermissionsBoundaryPolicyInputList() ? q.permissionsBoundaryPolicyInputList() : null,
          q.hasActionNames() ? q.actionNames() : null,
          q.hasResourceArns() ? q.resourceArns() : null,
          q.resourcePolicy(),
          q.resourceOwner(),
          q.callerArn(),
          q.hasContextEntries() ? q.contextEntries() : null,
          q.resourceHandlingOption(),
          q.maxItems(),
          q.marker());
    }

    Check check(Check check) {
      documents(check, "policyInputList", policyInputList);
      documents(check, "permissionsBoundaryPolicyInputList", boundaryInputList);
      check.required("actionNames", actionNames);
      strings(check, "actionNames", actionNames, 3, 128);
      strings(check, "resourceArns", resourceArns, 1, 2048);
      if (resourcePolicy != null) {
        check.document("resourcePolicy", resourcePolicy);
      }
      check
          .length("resourceOwner", resourceOwner, 1, 2048)
          .length("callerArn", callerArn, 1, 2048)
          .length("resourceHandlingOption", resourceHandlingOption, 1, 64);
      if (contextEntries != null) {
        for (int i = 0; i < contextEntries.size(); i++) {
          ContextEntry entry = contextEntries.get(i);
          String prefix = "contextEntries." + (i + 1) + ".member.";
          check
              .length(prefix + "contextKeyName", entry.contextKeyName(), 5, 256)
              .oneOf(prefix + "contextKeyType", entry.contextKeyTypeAsString(), CONTEXT_KEY_TYPES);
        }
      }
      return check.paging(marker, maxItems);
    }

    List<String> resources() {
      return resourceArns == null ? List.of() : resourceArns;
    }
  }

  private static void documents(Check check, String member, List<String> documents) {
    if (documents != null) {
      for (int i = 0; i < documents.size(); i++) {
        check.document(member + "." + (i + 1) + ".member", documents.get(i));
      }
    }
  }

  private static void strings(Check check, String member, List<String> values, int min, int max) {
    if (values != null) {
      for (int i = 0; i < values.size(); i++) {
        check.length(member + "." + (i + 1) + ".member", values.get(i), min, max);
      }
    }
  }

  List<Operation<?, ?>> operations() {
    return List.of(
        row(
            "SimulateCustomPolicy",
            SimulateCustomPolicyRequest::builder,
            (c, q) -> {
              Params p = Params.of(q);
              p.check(Check.request().required("policyInputList", p.policyInputList())).done();
            },
            (c, q) -> "*",
            this::simulateCustom),
        row(
            "SimulatePrincipalPolicy",
            SimulatePrincipalPolicyRequest::builder,
            (c, q) ->
                Params.of(q)
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
              documents(check, "policyInputList", docs);
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
              documents(check, "policyInputList", docs);
              check.done();
            },
            (c, q) -> q.policySourceArn(),
            this::contextKeysForPrincipal));
  }

  private SimulateCustomPolicyResponse simulateCustom(Caller c, SimulateCustomPolicyRequest q) {
    Params p = Params.of(q);
    Map<String, List<String>> supplied = contextEntries(p.contextEntries());
    List<Simulation.Input> identity = inputs(p.policyInputList(), new ArrayList<>());
    Simulation.Input boundary = boundaryInput(p.boundaryInputList(), null);
    PrincipalIdentity caller = ctx.state.read(() -> callerArn(c, p.callerArn()));
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
    Params p = Params.of(q);
    Map<String, List<String>> supplied = contextEntries(p.contextEntries());
    Gathered gathered = ctx.state.read(() -> gather(c, q.policySourceArn()));
    List<Simulation.Input> identity = new ArrayList<>(gathered.policies());
    identity.addAll(inputs(p.policyInputList(), new ArrayList<>()));
    Simulation.Input boundary = boundaryInput(p.boundaryInputList(), gathered.boundary());
    PrincipalIdentity caller =
        p.callerArn() != null ? ctx.state.read(() -> callerArn(c, p.callerArn())) : gathered.user();
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
      Params p,
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
                defaults(caller, c.account()),
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
    Gathered gathered = ctx.state.read(() -> gather(c, q.policySourceArn()));
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

  /**
   * The request's {@code ContextEntries} as condition keys, checked the way the simulator checks
   * them: a name, a type, at least one value (exactly one for a scalar type), each value readable
   * as its type, no key twice.
   */
  static Map<String, List<String>> contextEntries(List<ContextEntry> entries) {
    Map<String, List<String>> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (entries == null) {
      return keys;
    }
    for (ContextEntry entry : entries) {
      String name = entry.contextKeyName();
      List<String> values = entry.hasContextKeyValues() ? entry.contextKeyValues() : List.of();
      String type = entry.contextKeyTypeAsString();
      if (name == null && type == null && values.isEmpty()) {
        continue;
      }
      if (name == null || name.isEmpty()) {
        throw invalidInput("ContextKeyName cannot be null or empty.");
      }
      if (keys.containsKey(name)) {
        throw invalidInput("Duplicate context key: " + name + ".");
      }
      if (type == null) {
        throw invalidInput("Context key " + name + " has invalid type null.");
      }
      if (values.isEmpty()) {
        throw invalidInput("Context values for context key " + name + " cannot be null or empty.");
      }
      if (!type.endsWith("List") && values.size() != 1) {
        throw invalidInput(
            "Context key "
                + type
                + " expected a single value, but received "
                + values.size()
                + ".");
      }
      String base = type.endsWith("List") ? type.substring(0, type.length() - 4) : type;
      for (String value : values) {
        if (value == null || !ContextValues.valid(type, value)) {
          throw invalidInput(
              "Invalid context value for key " + name + ": expected " + FORMATS.get(base) + ".");
        }
      }
      keys.put(name, List.copyOf(values));
    }
    return keys;
  }

  /**
   * The keys the simulator fills in from the simulated caller, which {@code ContextEntries} may
   * override; a simulation without a caller has a stand-in user ID.
   */
  private static Map<String, List<String>> defaults(PrincipalIdentity caller, String account) {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    if (caller == null) {
      keys.put("aws:PrincipalAccount", List.of(account));
      keys.put("aws:userid", List.of(Simulation.STUB_USER_ID));
      return keys;
    }
    keys.put("aws:PrincipalArn", List.of(caller.arn()));
    keys.put("aws:PrincipalAccount", List.of(caller.account()));
    keys.put("aws:userid", List.of(caller.userId() != null ? caller.userId() : caller.arn()));
    keys.put("aws:username", List.of(caller.username()));
    return keys;
  }

  /** A caller in the account that no Principal element names: a simulation without CallerArn. */
  private static PrincipalIdentity placeholder(String account) {
    return new PrincipalIdentity(
        PrincipalIdentity.Type.USER, account, null, null, null, null, null, null);
  }

  /** {@code CallerArn}: only an IAM user may be the simulated caller. */
  private PrincipalIdentity callerArn(Caller c, String arn) {
    if (arn == null) {
      return null;
    }
    Matcher m = ENTITY_ARN.matcher(arn);
    if (!m.matches() || !m.group(2).equals("user")) {
      throw invalidInput("Invalid caller - Caller must be an IAM user in this context.");
    }
    Optional<User> user =
        Optional.ofNullable(ctx.state.accounts.get(m.group(1)))
            .flatMap(a -> IamContext.find(a.users, m.group(4)))
            .filter(u -> u.arn.equals(arn));
    return PrincipalIdentity.user(
        arn, user.map(u -> u.id).orElse(null), user.map(u -> u.tags).orElse(Map.of()));
  }

  /**
   * A principal's policies.
   *
   * @param user the source user as simulated caller, or null for a group or role
   */
  private record Gathered(
      List<Simulation.Input> policies, Simulation.Input boundary, PrincipalIdentity user) {}

  private Gathered gather(Caller c, String sourceArn) {
    Matcher m = ENTITY_ARN.matcher(sourceArn);
    if (!m.matches()) {
      throw invalidInput(
          "Invalid Entity Arn: " + sourceArn + " does not clearly define entity type and name.");
    }
    if (!m.group(1).equals(c.account())) {
      throw invalidInput(
          "Invalid Policy Source Arn: caller's account "
              + c.account()
              + " does not have access to policies in account "
              + m.group(1));
    }
    Account account = ctx.readable(c);
    String name = m.group(4);
    List<Simulation.Input> policies = new ArrayList<>();
    return switch (m.group(2)) {
      case "user" -> {
        User user = IamContext.user(account, name);
        entityPolicies(account, user, "user", policies);
        for (String groupName : user.groups) {
          IamContext.find(account.groups, groupName)
              .ifPresent(g -> entityPolicies(account, g, "group", policies));
        }
        yield new Gathered(
            policies,
            boundary(account, user),
            PrincipalIdentity.user(user.arn, user.id, user.tags));
      }
      case "group" -> {
        Group group = IamContext.group(account, name);
        entityPolicies(account, group, "group", policies);
        yield new Gathered(policies, null, null);
      }
      default -> {
        Role role = IamContext.role(account, name);
        entityPolicies(account, role, "role", policies);
        yield new Gathered(policies, boundary(account, role), null);
      }
    };
  }

  private void entityPolicies(
      Account account, Entity entity, String kind, List<Simulation.Input> out) {
    entity.inlinePolicies.forEach(
        (policyName, document) ->
            out.add(
                Simulation.Input.parse(
                    kind + "_" + entity.name + "_" + policyName,
                    Simulation.IAM_POLICY,
                    document,
                    PolicyKind.IDENTITY)));
    for (String arn : entity.attachedPolicies) {
      ctx.policy(account, arn)
          .ifPresent(
              info ->
                  out.add(
                      Simulation.Input.parse(
                          info.name(),
                          Simulation.IAM_POLICY,
                          info.document(),
                          PolicyKind.IDENTITY)));
    }
  }

  /** The principal's boundary; one whose policy is gone allows nothing, as in authorization. */
  private Simulation.Input boundary(Account account, Principal principal) {
    if (principal.permissionsBoundary == null) {
      return null;
    }
    String arn = principal.permissionsBoundary;
    return ctx.policy(account, arn)
        .map(
            info ->
                Simulation.Input.parse(
                    info.name(), Simulation.BOUNDARY_POLICY, info.document(), PolicyKind.IDENTITY))
        .orElseGet(
            () ->
                new Simulation.Input(
                    arn.substring(arn.lastIndexOf('/') + 1),
                    Simulation.BOUNDARY_POLICY,
                    new Policy(Policy.CURRENT_VERSION, List.of(), "{}")));
  }

  private static AwsException invalidInput(String message) {
    return new AwsException(AwsError.INVALID_INPUT, message);
  }
}
