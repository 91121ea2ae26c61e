package dev.iamkata.engine.iam;

import static dev.iamkata.engine.iam.Rows.row;

import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.Entity;
import dev.iamkata.engine.state.Group;
import dev.iamkata.engine.state.Principal;
import dev.iamkata.engine.state.Role;
import dev.iamkata.engine.state.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyRequest;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.PolicyGroup;
import software.amazon.awssdk.services.iam.model.PolicyRole;
import software.amazon.awssdk.services.iam.model.PolicyUser;

/**
 * ListEntitiesForPolicy: the groups, users and roles of the account that use a managed policy,
 * attached or as permissions boundary.
 */
final class PolicyEntitiesOps {
  private static final List<String> ENTITY_TYPES =
      List.of("User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy");

  private final IamContext ctx;

  PolicyEntitiesOps(IamContext ctx) {
    this.ctx = ctx;
  }

  List<Operation<?, ?>> operations() {
    return List.of(
        row(
            "ListEntitiesForPolicy",
            ListEntitiesForPolicyRequest::builder,
            (c, q) ->
                PolicyOps.policyArn(q.policyArn())
                    .oneOf("entityFilter", q.entityFilterAsString(), ENTITY_TYPES)
                    .path("pathPrefix", q.pathPrefix())
                    .oneOf("policyUsageFilter", q.policyUsageFilterAsString(), PolicyOps.USAGES)
                    .paging(q.marker(), q.maxItems())
                    .done(),
            (c, q) -> q.policyArn(),
            this::list));
  }

  private ListEntitiesForPolicyResponse list(Caller caller, ListEntitiesForPolicyRequest q) {
    return ctx.state.read(
        () -> {
          Account account = ctx.readable(caller);
          String arn = ctx.existingPolicy(account, q.policyArn()).arn();
          String filter = q.entityFilterAsString();
          String usage = q.policyUsageFilterAsString();
          String prefix = q.pathPrefix() == null ? "/" : q.pathPrefix();
          List<Entity> using = new ArrayList<>();
          for (Map<String, ? extends Entity> kind :
              List.of(account.groups, account.users, account.roles)) {
            kind.values().stream()
                .filter(e -> filter == null || filter.equals(type(e)))
                .filter(e -> e.path.startsWith(prefix))
                .filter(e -> uses(e, arn, usage))
                .forEach(using::add);
          }
          Pages.Page<Entity> page =
              Pages.of(using, e -> type(e) + ":" + Account.key(e.name), q.marker(), q.maxItems());
          List<PolicyGroup> groups = new ArrayList<>();
          List<PolicyUser> users = new ArrayList<>();
          List<PolicyRole> roles = new ArrayList<>();
          for (Entity e : page.items()) {
            if (e instanceof Group) {
              groups.add(PolicyGroup.builder().groupName(e.name).groupId(e.id).build());
            } else if (e instanceof User) {
              users.add(PolicyUser.builder().userName(e.name).userId(e.id).build());
            } else {
              roles.add(PolicyRole.builder().roleName(e.name).roleId(e.id).build());
            }
          }
          return ListEntitiesForPolicyResponse.builder()
              .policyGroups(groups)
              .policyUsers(users)
              .policyRoles(roles)
              .isTruncated(page.truncated())
              .marker(page.marker())
              .build();
        });
  }

  private static String type(Entity entity) {
    return entity instanceof Group ? "Group" : entity instanceof Role ? "Role" : "User";
  }

  private static boolean uses(Entity entity, String arn, String usage) {
    boolean attached = entity.attachedPolicies.contains(arn);
    boolean boundary = entity instanceof Principal p && arn.equals(p.permissionsBoundary);
    if ("PermissionsPolicy".equals(usage)) {
      return attached;
    }
    if ("PermissionsBoundary".equals(usage)) {
      return boundary;
    }
    return attached || boundary;
  }
}
