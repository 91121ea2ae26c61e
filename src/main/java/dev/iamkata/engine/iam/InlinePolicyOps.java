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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.iam.model.DeleteGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.ListGroupPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListGroupPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.PutGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.PutGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.PutUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.PutUserPolicyResponse;

/**
 * Put, Get, List and Delete of inline policies for users, groups and roles. Policy names are
 * matched without regard to case; the quota counts all of an entity's inline policies together,
 * without whitespace.
 */
final class InlinePolicyOps {
  private final IamContext ctx;

  InlinePolicyOps(IamContext ctx) {
    this.ctx = ctx;
  }

  /** How one kind of entity is named, found and limited. */
  private record Kind(
      String word,
      String member,
      int maxName,
      int maxSize,
      BiFunction<Account, String, Entity> lookup) {}

  private static final Kind USER =
      new Kind(
          "user", "userName", Check.LONG_NAME, PolicyDocs.USER_INLINE_SIZE, (a, n) -> user(a, n));
  private static final Kind GROUP =
      new Kind(
          "group",
          "groupName",
          Check.LONG_NAME,
          PolicyDocs.GROUP_INLINE_SIZE,
          (a, n) -> group(a, n));
  private static final Kind ROLE =
      new Kind(
          "role", "roleName", Check.SHORT_NAME, PolicyDocs.ROLE_INLINE_SIZE, (a, n) -> role(a, n));

  List<Operation<?, ?>> operations() {
    List<Operation<?, ?>> rows = new ArrayList<>();
    rows.add(
        row(
            "PutUserPolicy",
            PutUserPolicyRequest::builder,
            (c, q) -> checkPut(USER, q.userName(), q.policyName(), q.policyDocument()),
            (c, q) -> ctx.userArn(c, q.userName()),
            (c, q) -> {
              put(c, USER, q.userName(), q.policyName(), q.policyDocument());
              return PutUserPolicyResponse.builder().build();
            }));
    rows.add(
        row(
            "GetUserPolicy",
            GetUserPolicyRequest::builder,
            (c, q) -> checkName(USER, q.userName(), q.policyName()),
            (c, q) -> ctx.userArn(c, q.userName()),
            (c, q) -> {
              Found f = get(c, USER, q.userName(), q.policyName());
              return GetUserPolicyResponse.builder()
                  .userName(f.entity())
                  .policyName(f.policy())
                  .policyDocument(f.document())
                  .build();
            }));
    rows.add(
        row(
            "ListUserPolicies",
            ListUserPoliciesRequest::builder,
            (c, q) -> checkList(USER, q.userName(), q.marker(), q.maxItems()),
            (c, q) -> ctx.userArn(c, q.userName()),
            (c, q) -> {
              Pages.Page<String> p = list(c, USER, q.userName(), q.marker(), q.maxItems());
              return ListUserPoliciesResponse.builder()
                  .policyNames(p.items())
                  .isTruncated(p.truncated())
                  .marker(p.marker())
                  .build();
            }));
    rows.add(
        row(
            "DeleteUserPolicy",
            DeleteUserPolicyRequest::builder,
            (c, q) -> checkName(USER, q.userName(), q.policyName()),
            (c, q) -> ctx.userArn(c, q.userName()),
            (c, q) -> {
              delete(c, USER, q.userName(), q.policyName());
              return DeleteUserPolicyResponse.builder().build();
            }));
    rows.add(
        row(
            "PutGroupPolicy",
            PutGroupPolicyRequest::builder,
            (c, q) -> checkPut(GROUP, q.groupName(), q.policyName(), q.policyDocument()),
            (c, q) -> ctx.groupArn(c, q.groupName()),
            (c, q) -> {
              put(c, GROUP, q.groupName(), q.policyName(), q.policyDocument());
              return PutGroupPolicyResponse.builder().build();
            }));
    rows.add(
        row(
            "GetGroupPolicy",
            GetGroupPolicyRequest::builder,
            (c, q) -> checkName(GROUP, q.groupName(), q.policyName()),
            (c, q) -> ctx.groupArn(c, q.groupName()),
            (c, q) -> {
              Found f = get(c, GROUP, q.groupName(), q.policyName());
              return GetGroupPolicyResponse.builder()
                  .groupName(f.entity())
                  .policyName(f.policy())
                  .policyDocument(f.document())
                  .build();
            }));
    rows.add(
        row(
            "ListGroupPolicies",
            ListGroupPoliciesRequest::builder,
            (c, q) -> checkList(GROUP, q.groupName(), q.marker(), q.maxItems()),
            (c, q) -> ctx.groupArn(c, q.groupName()),
            (c, q) -> {
              Pages.Page<String> p = list(c, GROUP, q.groupName(), q.marker(), q.maxItems());
              return ListGroupPoliciesResponse.builder()
                  .policyNames(p.items())
                  .isTruncated(p.truncated())
                  .marker(p.marker())
                  .build();
            }));
    rows.add(
        row(
            "DeleteGroupPolicy",
            DeleteGroupPolicyRequest::builder,
            (c, q) -> checkName(GROUP, q.groupName(), q.policyName()),
            (c, q) -> ctx.groupArn(c, q.groupName()),
            (c, q) -> {
              delete(c, GROUP, q.groupName(), q.policyName());
              return DeleteGroupPolicyResponse.builder().build();
            }));
    rows.add(
        row(
            "PutRolePolicy",
            PutRolePolicyRequest::builder,
            (c, q) -> checkPut(ROLE, q.roleName(), q.policyName(), q.policyDocument()),
            (c, q) -> ctx.roleArn(c, q.roleName()),
            (c, q) -> {
              put(c, ROLE, q.roleName(), q.policyName(), q.policyDocument());
              return PutRolePolicyResponse.builder().build();
            }));
    rows.add(
        row(
            "GetRolePolicy",
            GetRolePolicyRequest::builder,
            (c, q) -> checkName(ROLE, q.roleName(), q.policyName()),
            (c, q) -> ctx.roleArn(c, q.roleName()),
            (c, q) -> {
              Found f = get(c, ROLE, q.roleName(), q.policyName());
              return GetRolePolicyResponse.builder()
                  .roleName(f.entity())
                  .policyName(f.policy())
                  .policyDocument(f.document())
                  .build();
            }));
    rows.add(
        row(
            "ListRolePolicies",
            ListRolePoliciesRequest::builder,
            (c, q) -> checkList(ROLE, q.roleName(), q.marker(), q.maxItems()),
            (c, q) -> ctx.roleArn(c, q.roleName()),
            (c, q) -> {
              Pages.Page<String> p = list(c, ROLE, q.roleName(), q.marker(), q.maxItems());
              return ListRolePoliciesResponse.builder()
                  .policyNames(p.items())
                  .isTruncated(p.truncated())
                  .marker(p.marker())
                  .build();
            }));
    rows.add(
        row(
            "DeleteRolePolicy",
            DeleteRolePolicyRequest::builder,
            (c, q) -> checkName(ROLE, q.roleName(), q.policyName()),
            (c, q) -> ctx.roleArn(c, q.roleName()),
            (c, q) -> {
              delete(c, ROLE, q.roleName(), q.policyName());
              return DeleteRolePolicyResponse.builder().build();
            }));
    return rows;
  }

  private static Check names(Kind kind, String entity, String policy) {
    return Check.request()
        .name(kind.member(), entity, kind.maxName())
        .name("policyName", policy, Check.LONG_NAME);
  }

  private static void checkName(Kind kind, String entity, String policy) {
    names(kind, entity, policy).done();
  }

  private static void checkPut(Kind kind, String entity, String policy, String document) {
    names(kind, entity, policy).document("policyDocument", document).done();
  }

  private static void checkList(Kind kind, String entity, String marker, Integer maxItems) {
    Check.request().name(kind.member(), entity, kind.maxName()).paging(marker, maxItems).done();
  }

  /** A found inline policy: the entity's and the policy's own spelling, the encoded document. */
  private record Found(String entity, String policy, String document) {}

  private static String storedName(Entity entity, String policyName) {
    return entity.inlinePolicies.keySet().stream()
        .filter(n -> n.equalsIgnoreCase(policyName))
        .findFirst()
        .orElse(null);
  }

  private static String existing(Kind kind, Entity entity, String policyName) {
    String stored = storedName(entity, policyName);
    if (stored == null) {
      throw noSuchEntity(
          "The " + kind.word() + " policy with name " + policyName + " cannot be found.");
    }
    return stored;
  }

  private void put(Caller caller, Kind kind, String name, String policyName, String document) {
    ctx.state.write(
        () -> {
          Entity entity = kind.lookup().apply(ctx.writable(caller), name);
          ctx.validator.validate(document, false);
          String stored = storedName(entity, policyName);
          int total = PolicyDocs.size(document);
          for (Map.Entry<String, String> e : entity.inlinePolicies.entrySet()) {
            if (!e.getKey().equals(stored)) {
              total += PolicyDocs.size(e.getValue());
            }
          }
          if (total > kind.maxSize()) {
            throw limitExceeded(
                "Maximum policy size of "
                    + kind.maxSize()
                    + " bytes exceeded for "
                    + kind.word()
                    + " "
                    + entity.name);
          }
          Map<String, String> policies = new LinkedHashMap<>();
          entity.inlinePolicies.forEach(
              (k, v) ->
                  policies.put(k.equals(stored) ? policyName : k, k.equals(stored) ? document : v));
          policies.putIfAbsent(policyName, document);
          entity.inlinePolicies = policies;
          return entity;
        });
  }

  private Found get(Caller caller, Kind kind, String name, String policyName) {
    return ctx.state.read(
        () -> {
          Entity entity = kind.lookup().apply(ctx.readable(caller), name);
          String stored = existing(kind, entity, policyName);
          return new Found(
              entity.name, stored, PolicyDocs.encode(entity.inlinePolicies.get(stored)));
        });
  }

  private Pages.Page<String> list(
      Caller caller, Kind kind, String name, String marker, Integer maxItems) {
    return ctx.state.read(
        () -> {
          Entity entity = kind.lookup().apply(ctx.readable(caller), name);
          return Pages.of(
              List.copyOf(entity.inlinePolicies.keySet()),
              n -> n.toLowerCase(java.util.Locale.ROOT),
              marker,
              maxItems);
        });
  }

  private void delete(Caller caller, Kind kind, String name, String policyName) {
    ctx.state.write(
        () -> {
          Entity entity = kind.lookup().apply(ctx.writable(caller), name);
          return entity.inlinePolicies.remove(existing(kind, entity, policyName));
        });
  }
}
