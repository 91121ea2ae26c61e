package dev.iamkata.engine.iam;

import static dev.iamkata.engine.iam.IamContext.role;
import static dev.iamkata.engine.iam.IamContext.user;
import static dev.iamkata.engine.iam.Rows.row;

import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.Principal;
import java.util.List;
import software.amazon.awssdk.services.iam.model.DeleteRolePermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePermissionsBoundaryResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserPermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserPermissionsBoundaryResponse;
import software.amazon.awssdk.services.iam.model.PutRolePermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.PutRolePermissionsBoundaryResponse;
import software.amazon.awssdk.services.iam.model.PutUserPermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.PutUserPermissionsBoundaryResponse;

/**
 * PutUserPermissionsBoundary, DeleteUserPermissionsBoundary, PutRolePermissionsBoundary,
 * DeleteRolePermissionsBoundary. Deleting a boundary that is not set succeeds, as it does in IAM.
 */
final class BoundaryOps {
  private final IamContext ctx;

  BoundaryOps(IamContext ctx) {
    this.ctx = ctx;
  }

  List<Operation<?, ?>> operations() {
    return List.of(
        row(
            "PutUserPermissionsBoundary",
            PutUserPermissionsBoundaryRequest::builder,
            (c, q) ->
                Check.request()
                    .name("userName", q.userName(), Check.SHORT_NAME)
                    .required("permissionsBoundary", q.permissionsBoundary())
                    .arn("permissionsBoundary", q.permissionsBoundary())
                    .done(),
            (c, q) -> ctx.userArn(c, q.userName()),
            (c, q) -> {
              ctx.state.write(
                  () -> {
                    Account account = ctx.writable(c);
                    return put(account, user(account, q.userName()), q.permissionsBoundary());
                  });
              return PutUserPermissionsBoundaryResponse.builder().build();
            }),
        row(
            "DeleteUserPermissionsBoundary",
            DeleteUserPermissionsBoundaryRequest::builder,
            (c, q) -> Check.request().name("userName", q.userName(), Check.SHORT_NAME).done(),
            (c, q) -> ctx.userArn(c, q.userName()),
            (c, q) -> {
              ctx.state.write(() -> clear(user(ctx.writable(c), q.userName())));
              return DeleteUserPermissionsBoundaryResponse.builder().build();
            }),
        row(
            "PutRolePermissionsBoundary",
            PutRolePermissionsBoundaryRequest::builder,
            (c, q) ->
                RoleOps.roleName(q.roleName())
                    .required("permissionsBoundary", q.permissionsBoundary())
                    .arn("permissionsBoundary", q.permissionsBoundary())
                    .done(),
            (c, q) -> ctx.roleArn(c, q.roleName()),
            (c, q) -> {
              ctx.state.write(
                  () -> {
                    Account account = ctx.writable(c);
                    return put(account, role(account, q.roleName()), q.permissionsBoundary());
                  });
              return PutRolePermissionsBoundaryResponse.builder().build();
            }),
        row(
            "DeleteRolePermissionsBoundary",
            DeleteRolePermissionsBoundaryRequest::builder,
            (c, q) -> RoleOps.roleName(q.roleName()).done(),
            (c, q) -> ctx.roleArn(c, q.roleName()),
            (c, q) -> {
              ctx.state.write(() -> clear(role(ctx.writable(c), q.roleName())));
              return DeleteRolePermissionsBoundaryResponse.builder().build();
            }));
  }

  private Principal put(Account account, Principal principal, String arn) {
    principal.permissionsBoundary = ctx.boundary(account, arn);
    return principal;
  }

  private static Principal clear(Principal principal) {
    principal.permissionsBoundary = null;
    return principal;
  }
}
