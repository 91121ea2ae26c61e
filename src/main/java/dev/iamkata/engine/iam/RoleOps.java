package dev.iamkata.engine.iam;

import static dev.iamkata.engine.iam.IamContext.alreadyExists;
import static dev.iamkata.engine.iam.IamContext.deleteConflict;
import static dev.iamkata.engine.iam.IamContext.now;
import static dev.iamkata.engine.iam.IamContext.role;
import static dev.iamkata.engine.iam.Rows.row;

import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.Ids;
import dev.iamkata.engine.state.Role;
import java.util.List;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleResponse;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.UpdateRoleDescriptionRequest;
import software.amazon.awssdk.services.iam.model.UpdateRoleDescriptionResponse;
import software.amazon.awssdk.services.iam.model.UpdateRoleRequest;
import software.amazon.awssdk.services.iam.model.UpdateRoleResponse;

/**
 * CreateRole, GetRole, ListRoles, DeleteRole, UpdateRole, UpdateRoleDescription,
 * UpdateAssumeRolePolicy.
 */
final class RoleOps {
  static final int MIN_SESSION = 3600;
  static final int MAX_SESSION = 43200;

  private final IamContext ctx;

  RoleOps(IamContext ctx) {
    this.ctx = ctx;
  }

  List<Operation<?, ?>> operations() {
    return List.of(
        row(
            "CreateRole",
            CreateRoleRequest::builder,
            (c, q) ->
                Check.request()
                    .path("path", q.path())
                    .name("roleName", q.roleName(), Check.SHORT_NAME)
                    .document("assumeRolePolicyDocument", q.assumeRolePolicyDocument())
                    .length("description", q.description(), 0, 1000)
                    .pattern("description", q.description(), Check.ROLE_DESCRIPTION)
                    .range("maxSessionDuration", q.maxSessionDuration(), MIN_SESSION, MAX_SESSION)
                    .arn("permissionsBoundary", q.permissionsBoundary())
                    .tags(q.hasTags() ? q.tags() : null)
                    .done(),
            (c, q) -> Arns.of(c, "role", q.path(), q.roleName()),
            this::create),
        row(
            "GetRole",
            GetRoleRequest::builder,
            (c, q) -> roleName(q.roleName()).done(),
            (c, q) -> ctx.roleArn(c, q.roleName()),
            this::get),
        row(
            "ListRoles",
            ListRolesRequest::builder,
            (c, q) ->
                Check.request()
                    .pathPrefix("pathPrefix", q.pathPrefix())
                    .paging(q.marker(), q.maxItems())
                    .done(),
            (c, q) -> Arns.list(c, "role", q.pathPrefix()),
            this::list),
        row(
            "DeleteRole",
            DeleteRoleRequest::builder,
            (c, q) -> roleName(q.roleName()).done(),
            (c, q) -> ctx.roleArn(c, q.roleName()),
            this::delete),
        row(
            "UpdateRole",
            UpdateRoleRequest::builder,
            (c, q) ->
                roleName(q.roleName())
                    .length("description", q.description(), 0, 1000)
                    .pattern("description", q.description(), Check.ROLE_DESCRIPTION)
                    .range("maxSessionDuration", q.maxSessionDuration(), MIN_SESSION, MAX_SESSION)
                    .done(),
            (c, q) -> ctx.roleArn(c, q.roleName()),
            this::update),
        row(
            "UpdateRoleDescription",
            UpdateRoleDescriptionRequest::builder,
            (c, q) ->
                roleName(q.roleName())
                    .required("description", q.description())
                    .length("description", q.description(), 0, 1000)
                    .pattern("description", q.description(), Check.ROLE_DESCRIPTION)
                    .done(),
            (c, q) -> ctx.roleArn(c, q.roleName()),
            this::updateDescription),
        row(
            "UpdateAssumeRolePolicy",
            UpdateAssumeRolePolicyRequest::builder,
            (c, q) -> roleName(q.roleName()).document("policyDocument", q.policyDocument()).done(),
            (c, q) -> ctx.roleArn(c, q.roleName()),
            this::updateAssumeRolePolicy));
  }

  static Check roleName(String name) {
    return Check.request().name("roleName", name, Check.SHORT_NAME);
  }

  private CreateRoleResponse create(Caller caller, CreateRoleRequest q) {
    return ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          PolicyDocs.checkTrust(ctx.validator, q.assumeRolePolicyDocument());
          if (q.hasTags()) {
            Tags.rejectDuplicates(q.tags());
          }
          String boundary =
              q.permissionsBoundary() == null
                  ? null
                  : ctx.boundary(account, q.permissionsBoundary());
          if (account.roles.containsKey(Account.key(q.roleName()))) {
            throw alreadyExists("Role with name " + q.roleName() + " already exists.");
          }
          Role role = new Role();
          role.name = q.roleName();
          role.path = q.path() == null ? "/" : q.path();
          role.id = Ids.uniqueId("AROA");
          role.arn = account.iamArn("role" + role.path + role.name);
          role.createDate = now(caller);
          role.assumeRolePolicy = q.assumeRolePolicyDocument();
          role.description = q.description();
          if (q.maxSessionDuration() != null) {
            role.maxSessionDuration = q.maxSessionDuration();
          }
          role.permissionsBoundary = boundary;
          if (q.hasTags()) {
            role.tags = Tags.merged(role.tags, q.tags(), "TagsPerRole");
          }
          account.roles.put(Account.key(role.name), role);
          return CreateRoleResponse.builder().role(Model.role(role, Model.View.CREATE)).build();
        });
  }

  private GetRoleResponse get(Caller caller, GetRoleRequest q) {
    return ctx.state.read(
        () -> {
          Role role = role(ctx.readable(caller), q.roleName());
          return GetRoleResponse.builder().role(Model.role(role, Model.View.GET)).build();
        });
  }

  private ListRolesResponse list(Caller caller, ListRolesRequest q) {
    return ctx.state.read(
        () -> {
          Pages.Page<Role> page =
              Pages.underPath(
                  ctx.readable(caller).roles.values(), q.pathPrefix(), q.marker(), q.maxItems());
          return ListRolesResponse.builder()
              .roles(page.items().stream().map(r -> Model.role(r, Model.View.LIST)).toList())
              .isTruncated(page.truncated())
              .marker(page.marker())
              .build();
        });
  }

  private DeleteRoleResponse delete(Caller caller, DeleteRoleRequest q) {
    return ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          Role role = role(account, q.roleName());
          boolean inProfile =
              account.instanceProfiles.values().stream()
                  .anyMatch(p -> InstanceProfileOps.contains(p, role));
          if (inProfile) {
            throw deleteConflict(
                "Cannot delete entity, must remove roles from instance profile first.");
          }
          if (!role.attachedPolicies.isEmpty()) {
            throw deleteConflict("Cannot delete entity, must detach all policies first.");
          }
          if (!role.inlinePolicies.isEmpty()) {
            throw deleteConflict("Cannot delete entity, must delete policies first.");
          }
          account.roles.remove(Account.key(role.name));
          return DeleteRoleResponse.builder().build();
        });
  }

  private UpdateRoleResponse update(Caller caller, UpdateRoleRequest q) {
    return ctx.state.write(
        () -> {
          Role role = role(ctx.writable(caller), q.roleName());
          if (q.description() != null) {
            role.description = q.description();
          }
          if (q.maxSessionDuration() != null) {
            role.maxSessionDuration = q.maxSessionDuration();
          }
          return UpdateRoleResponse.builder().build();
        });
  }

  private UpdateRoleDescriptionResponse updateDescription(
      Caller caller, UpdateRoleDescriptionRequest q) {
    return ctx.state.write(
        () -> {
          Role role = role(ctx.writable(caller), q.roleName());
          role.description = q.description();
          return UpdateRoleDescriptionResponse.builder()
              .role(Model.role(role, Model.View.GET))
              .build();
        });
  }

  private UpdateAssumeRolePolicyResponse updateAssumeRolePolicy(
      Caller caller, UpdateAssumeRolePolicyRequest q) {
    return ctx.state.write(
        () -> {
          Role role = role(ctx.writable(caller), q.roleName());
          PolicyDocs.checkTrust(ctx.validator, q.policyDocument());
          role.assumeRolePolicy = q.policyDocument();
          return UpdateAssumeRolePolicyResponse.builder().build();
        });
  }
}
