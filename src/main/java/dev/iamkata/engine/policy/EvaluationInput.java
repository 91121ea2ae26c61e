package dev.iamkata.engine.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything one authorization decision looks at.
 *
 * @param context the request
 * @param identityPolicies the caller's identity-based policies (user, group and role policies)
 * @param permissionsBoundary the caller's permissions boundary, if it has one
 * @param sessionPolicies the session policies passed when the caller's session was created
 * @param sessionPoliciesInEffect true when the session was created with session policies; with an
 *     empty list that means the session may do nothing
 * @param resourcePolicy the policy attached to the resource, such as a role's trust policy
 * @param resourceAccount the account that owns the resource; null means the account in the resource
 *     ARN or, when the ARN has none (S3), the caller's own account
 */
public record EvaluationInput(
    RequestContext context,
    List<SourcedPolicy> identityPolicies,
    Optional<SourcedPolicy> permissionsBoundary,
    List<SourcedPolicy> sessionPolicies,
    boolean sessionPoliciesInEffect,
    Optional<SourcedPolicy> resourcePolicy,
    String resourceAccount) {

  private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

  public EvaluationInput {
    Objects.requireNonNull(context, "context");
    identityPolicies = List.copyOf(identityPolicies);
    Objects.requireNonNull(permissionsBoundary, "permissionsBoundary");
    sessionPolicies = List.copyOf(sessionPolicies);
    Objects.requireNonNull(resourcePolicy, "resourcePolicy");
    resourceAccount = resourceAccount != null ? resourceAccount : ownerOf(context);
  }

  public static Builder builder(RequestContext context) {
    return new Builder(context);
  }

  private static String ownerOf(RequestContext context) {
    String[] parts = context.resource().split(":", 6);
    return parts.length == 6 && ACCOUNT_ID.matcher(parts[4]).matches()
        ? parts[4]
        : context.principal().account();
  }

  /** Assembles an {@link EvaluationInput}; unset parts are absent. */
  public static final class Builder {
    private final RequestContext context;
    private final List<SourcedPolicy> identityPolicies = new ArrayList<>();
    private SourcedPolicy permissionsBoundary;
    private List<SourcedPolicy> sessionPolicies = List.of();
    private boolean sessionPoliciesInEffect;
    private SourcedPolicy resourcePolicy;
    private String resourceAccount;

    private Builder(RequestContext context) {
      this.context = context;
    }

    public Builder identityPolicies(List<SourcedPolicy> policies) {
      identityPolicies.addAll(policies);
      return this;
    }

    public Builder identityPolicy(SourcedPolicy policy) {
      identityPolicies.add(policy);
      return this;
    }

    /** Sets the boundary; null means none. */
    public Builder permissionsBoundary(SourcedPolicy boundary) {
      permissionsBoundary = boundary;
      return this;
    }

    /** Puts session policies in effect, even an empty list (which then allows nothing). */
    public Builder sessionPolicies(List<SourcedPolicy> policies) {
      sessionPolicies = policies;
      sessionPoliciesInEffect = true;
      return this;
    }

    /** Sets the resource-based policy; null means none. */
    public Builder resourcePolicy(SourcedPolicy policy) {
      resourcePolicy = policy;
      return this;
    }

    public Builder resourceAccount(String account) {
      resourceAccount = account;
      return this;
    }

    public EvaluationInput build() {
      return new EvaluationInput(
          context,
          identityPolicies,
          Optional.ofNullable(permissionsBoundary),
          sessionPolicies,
          sessionPoliciesInEffect,
          Optional.ofNullable(resourcePolicy),
          resourceAccount);
    }
  }
}
