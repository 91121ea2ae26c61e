package dev.iamkata.engine.iam;

import static dev.iamkata.engine.iam.IamContext.group;
import static dev.iamkata.engine.iam.IamContext.role;
import static dev.iamkata.engine.iam.IamContext.user;
import static dev.iamkata.engine.iam.Rows.row;

import dev.iamkata.engine.protocol.Operation;
import java.util.ArrayList;
import java.util.List;
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
  private final InlinePolicies inline;

  InlinePolicyOps(IamContext ctx) {
    this.ctx = ctx;
    this.inline = new InlinePolicies(ctx);
  }

  private static final InlinePolicies.Kind USER =
      new InlinePolicies.Kind(
          "user", "userName", Check.LONG_NAME, PolicyDocs.USER_INLINE_SIZE, (a, n) -> user(a, n));
  private static final InlinePolicies.Kind GROUP =
      new InlinePolicies.Kind(
          "group",
          "groupName",
          Check.LONG_NAME,
          PolicyDocs.GROUP_INLINE_SIZE,
          (a, n) -> group(a, n));
  private static final InlinePolicies.Kind ROLE =
      new InlinePolicies.Kind(
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
              inline.put(c, USER, q.userName(), q.policyName(), q.policyDocument());
              return PutUserPolicyResponse.builder().build();
            }));
    rows.add(
        row(
            "GetUserPolicy",
            GetUserPolicyRequest::builder,
            (c, q) -> checkName(USER, q.userName(), q.policyName()),
            (c, q) -> ctx.userArn(c, q.userName()),
            (c, q) -> {
              InlinePolicies.Found f = inline.get(c, USER, q.userName(), q.policyName());
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
              Pages.Page<String> p = inline.list(c, USER, q.userName(), q.marker(), q.maxItems());
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
              inline.delete(c, USER, q.userName(), q.policyName());
              return DeleteUserPolicyResponse.builder().build();
            }));
    rows.add(
        row(
            "PutGroupPolicy",
            PutGroupPolicyRequest::builder,
            (c, q) -> checkPut(GROUP, q.groupName(), q.policyName(), q.policyDocument()),
            (c, q) -> ctx.groupArn(c, q.groupName()),
            (c, q) -> {
              inline.put(c, GROUP, q.groupName(), q.policyName(), q.policyDocument());
              return PutGroupPolicyResponse.builder().build();
            }));
    rows.add(
        row(
            "GetGroupPolicy",
            GetGroupPolicyRequest::builder,
            (c, q) -> checkName(GROUP, q.groupName(), q.policyName()),
            (c, q) -> ctx.groupArn(c, q.groupName()),
            (c, q) -> {
              InlinePolicies.Found f = inline.get(c, GROUP, q.groupName(), q.policyName());
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
              Pages.Page<String> p = inline.list(c, GROUP, q.groupName(), q.marker(), q.maxItems());
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
              inline.delete(c, GROUP, q.groupName(), q.policyName());
              return DeleteGroupPolicyResponse.builder().build();
            }));
    rows.add(
        row(
            "PutRolePolicy",
            PutRolePolicyRequest::builder,
            (c, q) -> checkPut(ROLE, q.roleName(), q.policyName(), q.policyDocument()),
            (c, q) -> ctx.roleArn(c, q.roleName()),
            (c, q) -> {
              inline.put(c, ROLE, q.roleName(), q.policyName(), q.policyDocument());
              return PutRolePolicyResponse.builder().build();
            }));
    rows.add(
        row(
            "GetRolePolicy",
            GetRolePolicyRequest::builder,
            (c, q) -> checkName(ROLE, q.roleName(), q.policyName()),
            (c, q) -> ctx.roleArn(c, q.roleName()),
            (c, q) -> {
              InlinePolicies.Found f = inline.get(c, ROLE, q.roleName(), q.policyName());
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
              Pages.Page<String> p = inline.list(c, ROLE, q.roleName(), q.marker(), q.maxItems());
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
              inline.delete(c, ROLE, q.roleName(), q.policyName());
              return DeleteRolePolicyResponse.builder().build();
            }));
    return rows;
  }

  private static Check names(InlinePolicies.Kind kind, String entity, String policy) {
    return Check.request()
        .name(kind.member(), entity, kind.maxName())
        .name("policyName", policy, Check.LONG_NAME);
  }

  private static void checkName(InlinePolicies.Kind kind, String entity, String policy) {
    names(kind, entity, policy).done();
  }

  private static void checkPut(
      InlinePolicies.Kind kind, String entity, String policy, String document) {
    names(kind, entity, policy).document("policyDocument", document).done();
  }

  private static void checkList(
      InlinePolicies.Kind kind, String entity, String marker, Integer maxItems) {
    Check.request().name(kind.member(), entity, kind.maxName()).paging(marker, maxItems).done();
  }
}
