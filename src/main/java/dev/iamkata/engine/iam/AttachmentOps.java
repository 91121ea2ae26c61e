package dev.iamkata.engine.iam;

import static dev.iamkata.engine.iam.IamContext.group;
import static dev.iamkata.engine.iam.IamContext.limitExceeded;
import static dev.iamkata.engine.iam.IamContext.noSuchEntity;
import static dev.iamkata.engine.iam.IamContext.role;
import static dev.iamkata.engine.iam.IamContext.user;
import static dev.iamkata.engine.iam.Rows.row;

import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.Entity;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.iam.model.AttachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.DetachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.DetachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedGroupPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedGroupPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesResponse;

/**
 * Attach, Detach and ListAttached for users, groups and roles. Attaching is idempotent; each entity
 * carries at most 10 managed policies (IAM's default quota).
 */
final class AttachmentOps {
  static final int MAX_ATTACHED = 10;

  private final IamContext ctx;

  AttachmentOps(IamContext ctx) {
    this.ctx = ctx;
  }

  /** How one kind of entity is named, found and limited. */
  private record Kind(
      String member, int maxName, String quota, BiFunction<Account, String, Entity> lookup) {}

  private static final Kind USER =
      new Kind("userName", Check.SHORT_NAME, "PoliciesPerUser", (a, n) -> user(a, n));
  private static final Kind GROUP =
      new Kind("groupName", Check.LONG_NAME, "PoliciesPerGroup", (a, n) -> group(a, n));
  private static final Kind ROLE =
      new Kind("roleName", Check.SHORT_NAME, "PoliciesPerRole", (a, n) -> role(a, n));

  List<Operation<?, ?>> operations() {
    return List.of(
        row(
            "AttachUserPolicy",
            AttachUserPolicyRequest::builder,
            (c, q) -> checkArn(USER, q.userName(), q.policyArn()),
            (c, q) -> ctx.userArn(c, q.userName()),
            (c, q) -> {
              attach(c, USER, q.userName(), q.policyArn());
              return AttachUserPolicyResponse.builder().build();
            }),
        row(
            "AttachGroupPolicy",
            AttachGroupPolicyRequest::builder,
            (c, q) -> checkArn(GROUP, q.groupName(), q.policyArn()),
            (c, q) -> ctx.groupArn(c, q.groupName()),
            (c, q) -> {
              attach(c, GROUP, q.groupName(), q.policyArn());
              return AttachGroupPolicyResponse.builder().build();
            }),
        row(
            "AttachRolePolicy",
            AttachRolePolicyRequest::builder,
            (c, q) -> checkArn(ROLE, q.roleName(), q.policyArn()),
            (c, q) -> ctx.roleArn(c, q.roleName()),
            (c, q) -> {
              attach(c, ROLE, q.roleName(), q.policyArn());
              return AttachRolePolicyResponse.builder().build();
            }),
        row(
            "DetachUserPolicy",
            DetachUserPolicyRequest::builder,
            (c, q) -> checkArn(USER, q.userName(), q.policyArn()),
            (c, q) -> ctx.userArn(c, q.userName()),
            (c, q) -> {
              detach(c, USER, q.userName(), q.policyArn());
              return DetachUserPolicyResponse.builder().build();
            }),
        row(
            "DetachGroupPolicy",
            DetachGroupPolicyRequest::builder,
            (c, q) -> checkArn(GROUP, q.groupName(), q.policyArn()),
            (c, q) -> ctx.groupArn(c, q.groupName()),
            (c, q) -> {
              detach(c, GROUP, q.groupName(), q.policyArn());
              return DetachGroupPolicyResponse.builder().build();
            }),
        row(
            "DetachRolePolicy",
            DetachRolePolicyRequest::builder,
            (c, q) -> checkArn(ROLE, q.roleName(), q.policyArn()),
            (c, q) -> ctx.roleArn(c, q.roleName()),
            (c, q) -> {
              detach(c, ROLE, q.roleName(), q.policyArn());
              return DetachRolePolicyResponse.builder().build();
            }),
        row(
            "ListAttachedUserPolicies",
            ListAttachedUserPoliciesRequest::builder,
            (c, q) -> checkList(USER, q.userName(), q.pathPrefix(), q.marker(), q.maxItems()),
            (c, q) -> ctx.userArn(c, q.userName()),
            (c, q) -> {
              Pages.Page<AttachedPolicy> page =
                  list(c, USER, q.userName(), q.pathPrefix(), q.marker(), q.maxItems());
              return ListAttachedUserPoliciesResponse.builder()
                  .attachedPolicies(page.items())
                  .isTruncated(page.truncated())
                  .marker(page.marker())
                  .build();
            }),
        row(
            "ListAttachedGroupPolicies",
            ListAttachedGroupPoliciesRequest::builder,
            (c, q) -> checkList(GROUP, q.groupName(), q.pathPrefix(), q.marker(), q.maxItems()),
            (c, q) -> ctx.groupArn(c, q.groupName()),
            (c, q) -> {
              Pages.Page<AttachedPolicy> page =
                  list(c, GROUP, q.groupName(), q.pathPrefix(), q.marker(), q.maxItems());
              return ListAttachedGroupPoliciesResponse.builder()
                  .attachedPolicies(page.items())
                  .isTruncated(page.truncated())
                  .marker(page.marker())
                  .build();
            }),
        row(
            "ListAttachedRolePolicies",
            ListAttachedRolePoliciesRequest::builder,
            (c, q) -> checkList(ROLE, q.roleName(), q.pathPrefix(), q.marker(), q.maxItems()),
            (c, q) -> ctx.roleArn(c, q.roleName()),
            (c, q) -> {
              Pages.Page<AttachedPolicy> page =
                  list(c, ROLE, q.roleName(), q.pathPrefix(), q.marker(), q.maxItems());
              return ListAttachedRolePoliciesResponse.builder()
                  .attachedPolicies(page.items())
                  .isTruncated(page.truncated())
                  .marker(page.marker())
                  .build();
            }));
  }

  private static void checkArn(Kind kind, String name, String arn) {
    Check.request()
        .name(kind.member(), name, kind.maxName())
        .required("policyArn", arn)
        .arn("policyArn", arn)
        .done();
  }

  private static void checkList(
      Kind kind, String name, String pathPrefix, String marker, Integer maxItems) {
    Check.request()
        .name(kind.member(), name, kind.maxName())
        .policyPath("pathPrefix", pathPrefix)
        .paging(marker, maxItems)
        .done();
  }

  private void attach(Caller caller, Kind kind, String name, String arn) {
    ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          Entity entity = kind.lookup().apply(account, name);
          Optional<PolicyInfo> policy = ctx.policy(account, arn).filter(PolicyInfo::attachable);
          if (policy.isEmpty()) {
            throw noSuchEntity("Policy " + arn + " does not exist or is not attachable.");
          }
          if (!entity.attachedPolicies.contains(arn)) {
            if (entity.attachedPolicies.size() >= MAX_ATTACHED) {
              throw limitExceeded("Cannot exceed quota for " + kind.quota() + ": " + MAX_ATTACHED);
            }
            entity.attachedPolicies.add(arn);
          }
          return entity;
        });
  }

  private void detach(Caller caller, Kind kind, String name, String arn) {
    ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          Entity entity = kind.lookup().apply(account, name);
          Arns.policy(arn);
          if (!entity.attachedPolicies.remove(arn)) {
            throw IamContext.policyNotFound(arn);
          }
          return entity;
        });
  }

  private Pages.Page<AttachedPolicy> list(
      Caller caller, Kind kind, String name, String pathPrefix, String marker, Integer maxItems) {
    return ctx.state.read(
        () -> {
          Account account = ctx.readable(caller);
          Entity entity = kind.lookup().apply(account, name);
          String prefix = pathPrefix == null ? "/" : pathPrefix;
          List<AttachedPolicy> attached =
              entity.attachedPolicies.stream()
                  .map(arn -> Arns.policy(arn))
                  .filter(arn -> arn.path().startsWith(prefix))
                  .map(
                      arn ->
                          AttachedPolicy.builder()
                              .policyName(arn.name())
                              .policyArn(arn.arn())
                              .build())
                  .toList();
          return Pages.of(attached, AttachedPolicy::policyArn, marker, maxItems);
        });
  }
}
