package dev.iamkata.engine.iam;

import static dev.iamkata.engine.iam.IamContext.alreadyExists;
import static dev.iamkata.engine.iam.IamContext.deleteConflict;
import static dev.iamkata.engine.iam.IamContext.now;
import static dev.iamkata.engine.iam.Rows.row;

import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.Ids;
import dev.iamkata.engine.state.ManagedPolicy;
import dev.iamkata.engine.state.PolicyVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyResponse;
import software.amazon.awssdk.services.iam.model.DeletePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.ListPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListPoliciesResponse;

/**
 * CreatePolicy, GetPolicy, ListPolicies, DeletePolicy. Lists merge the account's policies with
 * AWS's; tags given to CreatePolicy are validated and echoed but not kept (no place in the state
 * model).
 */
final class PolicyOps {
  private final IamContext ctx;

  PolicyOps(IamContext ctx) {
    this.ctx = ctx;
  }

  List<Operation<?, ?>> operations() {
    return List.of(
        row(
            "CreatePolicy",
            CreatePolicyRequest::builder,
            (c, q) ->
                Check.request()
                    .name("policyName", q.policyName(), Check.LONG_NAME)
                    .policyPath("path", q.path())
                    .document("policyDocument", q.policyDocument())
                    .length("description", q.description(), 0, 1000)
                    .tags(q.hasTags() ? q.tags() : null)
                    .done(),
            (c, q) -> Arns.of(c, "policy", q.path(), q.policyName()),
            this::create),
        row(
            "GetPolicy",
            GetPolicyRequest::builder,
            (c, q) -> policyArn(q.policyArn()).done(),
            (c, q) -> q.policyArn(),
            this::get),
        row(
            "ListPolicies",
            ListPoliciesRequest::builder,
            (c, q) ->
                Check.request()
                    .oneOf("scope", q.scopeAsString(), List.of("All", "AWS", "Local"))
                    .policyPath("pathPrefix", q.pathPrefix())
                    .oneOf("policyUsageFilter", q.policyUsageFilterAsString(), USAGES)
                    .paging(q.marker(), q.maxItems())
                    .done(),
            (c, q) -> Arns.list(c, "policy", q.pathPrefix()),
            this::list),
        row(
            "DeletePolicy",
            DeletePolicyRequest::builder,
            (c, q) -> policyArn(q.policyArn()).done(),
            (c, q) -> q.policyArn(),
            this::delete));
  }

  static final List<String> USAGES = List.of("PermissionsPolicy", "PermissionsBoundary");

  static Check policyArn(String arn) {
    return Check.request().required("policyArn", arn).arn("policyArn", arn);
  }

  private CreatePolicyResponse create(Caller caller, CreatePolicyRequest q) {
    return ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          PolicyDocs.checkManaged(ctx.validator, q.policyDocument());
          if (q.hasTags()) {
            Tags.rejectDuplicates(q.tags());
          }
          if (account.policies.containsKey(Account.key(q.policyName()))) {
            throw alreadyExists(
                "A policy called "
                    + q.policyName()
                    + " already exists. Duplicate names are not allowed.");
          }
          ManagedPolicy policy = new ManagedPolicy();
          policy.name = q.policyName();
          policy.path = q.path() == null ? "/" : q.path();
          policy.id = Ids.uniqueId("ANPA");
          policy.arn = account.iamArn("policy" + policy.path + policy.name);
          policy.description = q.description();
          policy.createDate = now(caller);
          policy.updateDate = policy.createDate;
          PolicyVersion first = new PolicyVersion();
          first.versionId = "v1";
          first.document = q.policyDocument();
          first.createDate = policy.createDate;
          policy.versions.add(first);
          policy.defaultVersionId = first.versionId;
          policy.nextVersion = 2;
          account.policies.put(Account.key(policy.name), policy);
          return CreatePolicyResponse.builder()
              .policy(
                  Model.policy(PolicyInfo.of(policy), IamContext.Usage.NONE, Model.View.CREATE)
                      .toBuilder()
                      .tags(q.tags())
                      .build())
              .build();
        });
  }

  private GetPolicyResponse get(Caller caller, GetPolicyRequest q) {
    return ctx.state.read(
        () -> {
          Account account = ctx.readable(caller);
          PolicyInfo policy = ctx.existingPolicy(account, q.policyArn());
          IamContext.Usage usage = IamContext.usage(account, policy.arn());
          return GetPolicyResponse.builder()
              .policy(Model.policy(policy, usage, Model.View.GET))
              .build();
        });
  }

  private ListPoliciesResponse list(Caller caller, ListPoliciesRequest q) {
    return ctx.state.read(
        () -> {
          Account account = ctx.readable(caller);
          String scope = q.scopeAsString() == null ? "All" : q.scopeAsString();
          String prefix = q.pathPrefix() == null ? "/" : q.pathPrefix();
          List<PolicyInfo> all = new ArrayList<>();
          if (!scope.equals("Local")) {
            all.addAll(ctx.awsPolicies.all());
          }
          if (!scope.equals("AWS")) {
            account.policies.values().forEach(p -> all.add(PolicyInfo.of(p)));
          }
          Map<String, IamContext.Usage> usage = IamContext.usage(account);
          Predicate<PolicyInfo> used = usedAs(q, usage);
          List<PolicyInfo> shown =
              all.stream()
                  .filter(p -> p.path().startsWith(prefix))
                  .filter(used)
                  .sorted(Comparator.comparing(PolicyInfo::sortKey))
                  .toList();
          Pages.Page<PolicyInfo> page =
              Pages.of(shown, PolicyInfo::sortKey, q.marker(), q.maxItems());
          return ListPoliciesResponse.builder()
              .policies(
                  page.items().stream()
                      .map(
                          p ->
                              Model.policy(
                                  p,
                                  usage.getOrDefault(p.arn(), IamContext.Usage.NONE),
                                  Model.View.LIST))
                      .toList())
              .isTruncated(page.truncated())
              .marker(page.marker())
              .build();
        });
  }

  /**
   * {@code OnlyAttached} keeps policies attached as permissions policies; {@code
   * PolicyUsageFilter=PermissionsBoundary} keeps those used as boundaries.
   */
  private static Predicate<PolicyInfo> usedAs(
      ListPoliciesRequest q, Map<String, IamContext.Usage> usage) {
    boolean onlyAttached = Boolean.TRUE.equals(q.onlyAttached());
    boolean boundaries = "PermissionsBoundary".equals(q.policyUsageFilterAsString());
    return p -> {
      IamContext.Usage u = usage.getOrDefault(p.arn(), IamContext.Usage.NONE);
      if (boundaries) {
        return u.boundaries() > 0;
      }
      return !onlyAttached || u.attachments() > 0;
    };
  }

  private DeletePolicyResponse delete(Caller caller, DeletePolicyRequest q) {
    return ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          ManagedPolicy policy =
              IamContext.changeablePolicy(caller, account, "iam:DeletePolicy", q.policyArn());
          if (IamContext.usage(account, policy.arn).inUse()) {
            throw deleteConflict("Cannot delete a policy attached to entities.");
          }
          if (policy.versions.size() > 1) {
            throw deleteConflict(
                "This policy has more than one version. Before you delete a policy, you must"
                    + " delete the policy's versions. The default version is deleted with the"
                    + " policy.");
          }
          account.policies.remove(Account.key(policy.name));
          return DeletePolicyResponse.builder().build();
        });
  }
}
