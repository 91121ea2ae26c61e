package dev.iamkata.engine.iam;

import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.EngineState;
import dev.iamkata.engine.state.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The condition keys IAM operations add to a request (IAM User Guide, "IAM and AWS STS condition
 * context keys"), as data: which operations carry {@code iam:PolicyARN} and {@code
 * iam:PermissionsBoundary} from which request member, the tags a request sets ({@code
 * aws:RequestTag/*}, {@code aws:TagKeys}) and the tags of the user or role it acts on ({@code
 * aws:ResourceTag/*}). Members are read through the SDK's field descriptions, so one rule serves
 * every operation that has the member. Operations that change an existing user or role carry that
 * entity's current boundary as {@code iam:PermissionsBoundary}, so a delegate limited to bounded
 * roles cannot attach policies to, or edit, a role without the boundary.
 */
final class ConditionKeys {
  private record MemberKey(String key, String member, Set<String> operations) {}

  private static final List<MemberKey> MEMBER_KEYS =
      List.of(
          new MemberKey(
              "iam:PolicyARN",
              "PolicyArn",
              Set.of(
                  "AttachUserPolicy",
                  "AttachGroupPolicy",
                  "AttachRolePolicy",
                  "DetachUserPolicy",
                  "DetachGroupPolicy",
                  "DetachRolePolicy")),
          new MemberKey(
              "iam:PermissionsBoundary",
              "PermissionsBoundary",
              Set.of(
                  "CreateUser",
                  "CreateRole",
                  "PutUserPermissionsBoundary",
                  "PutRolePermissionsBoundary")));

  /** Operations on an existing entity whose boundary AWS reports as iam:PermissionsBoundary. */
  private static final Set<String> EXISTING_BOUNDARY =
      Set.of(
          "AttachRolePolicy",
          "AttachUserPolicy",
          "DetachRolePolicy",
          "DetachUserPolicy",
          "PutRolePolicy",
          "PutUserPolicy",
          "DeleteRolePolicy",
          "DeleteUserPolicy",
          "DeleteRolePermissionsBoundary",
          "DeleteUserPermissionsBoundary");

  private final EngineState state;

  ConditionKeys(EngineState state) {
    this.state = state;
  }

  /** The condition keys of {@code operation}'s requests. */
  BiFunction<Caller, Object, Map<String, List<String>>> forOperation(String operation) {
    return (caller, request) -> {
      Map<String, List<String>> keys = new LinkedHashMap<>();
      SdkPojo pojo = (SdkPojo) request;
      for (MemberKey rule : MEMBER_KEYS) {
        Object value = rule.operations().contains(operation) ? member(pojo, rule.member()) : null;
        if (value != null) {
          keys.put(rule.key(), List.of(value.toString()));
        }
      }
      requestTags(pojo, keys);
      resourceTags(caller, pojo, keys, EXISTING_BOUNDARY.contains(operation));
      return keys;
    };
  }

  private static void requestTags(SdkPojo request, Map<String, List<String>> keys) {
    List<String> tagKeys = new ArrayList<>();
    if (member(request, "Tags") instanceof List<?> tags) {
      for (Object t : tags) {
        Tag tag = (Tag) t;
        keys.put("aws:RequestTag/" + tag.key(), List.of(tag.value()));
        tagKeys.add(tag.key());
      }
    }
    if (member(request, "TagKeys") instanceof List<?> untag) {
      untag.forEach(k -> tagKeys.add(k.toString()));
    }
    if (!tagKeys.isEmpty()) {
      keys.put("aws:TagKeys", tagKeys);
    }
  }

  private void resourceTags(
      Caller caller, SdkPojo request, Map<String, List<String>> keys, boolean boundary) {
    Object roleName = member(request, "RoleName");
    Object userName = member(request, "UserName");
    if (roleName == null && userName == null) {
      return;
    }
    state.read(
        () -> {
          Principal target =
              state
                  .account(caller.account())
                  .map(
                      a ->
                          roleName != null
                              ? (Principal) a.roles.get(Account.key(roleName.toString()))
                              : a.users.get(Account.key(userName.toString())))
                  .orElse(null);
          if (target != null) {
            target.tags.forEach((k, v) -> keys.put("aws:ResourceTag/" + k, List.of(v)));
            if (boundary && target.permissionsBoundary != null) {
              keys.put("iam:PermissionsBoundary", List.of(target.permissionsBoundary));
            }
          }
          return null;
        });
  }

  /** The value of the request member named {@code name}, or null when absent or unset. */
  private static Object member(SdkPojo request, String name) {
    for (SdkField<?> field : request.sdkFields()) {
      if (field.memberName().equals(name)) {
        Object value = field.getValueOrDefault(request);
        return value instanceof software.amazon.awssdk.core.util.SdkAutoConstructList<?>
            ? null
            : value;
      }
    }
    return null;
  }
}
