package dev.iamkata.engine.iam;

import static dev.iamkata.engine.iam.IamContext.alreadyExists;
import static dev.iamkata.engine.iam.IamContext.deleteConflict;
import static dev.iamkata.engine.iam.IamContext.now;
import static dev.iamkata.engine.iam.IamContext.user;
import static dev.iamkata.engine.iam.Rows.row;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.state.AccessKey;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.Ids;
import dev.iamkata.engine.state.User;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.CreateUserResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserResponse;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.GetUserResponse;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.UpdateUserRequest;
import software.amazon.awssdk.services.iam.model.UpdateUserResponse;

/** CreateUser, GetUser, ListUsers, DeleteUser, UpdateUser. */
final class UserOps {
  static final String NON_USER_CREDENTIALS =
      "Must specify userName when calling with non-User credentials";

  private final IamContext ctx;

  UserOps(IamContext ctx) {
    this.ctx = ctx;
  }

  List<Operation<?, ?>> operations() {
    return List.of(
        row(
            "CreateUser",
            CreateUserRequest::builder,
            (c, q) ->
                Check.request()
                    .path("path", q.path())
                    .name("userName", q.userName(), Check.SHORT_NAME)
                    .arn("permissionsBoundary", q.permissionsBoundary())
                    .tags(q.hasTags() ? q.tags() : null)
                    .done(),
            (c, q) -> Arns.of(c, "user", q.path(), q.userName()),
            this::createUser),
        row(
            "GetUser",
            GetUserRequest::builder,
            (c, q) -> {
              Check.request().optionalName("userName", q.userName(), Check.LONG_NAME).done();
              requireUserUnlessNamed(c, q.userName());
            },
            (c, q) -> q.userName() == null ? c.arn() : ctx.userArn(c, q.userName()),
            this::getUser),
        row(
            "ListUsers",
            ListUsersRequest::builder,
            (c, q) ->
                Check.request()
                    .pathPrefix("pathPrefix", q.pathPrefix())
                    .paging(q.marker(), q.maxItems())
                    .done(),
            (c, q) -> Arns.list(c, "user", q.pathPrefix()),
            this::listUsers),
        row(
            "DeleteUser",
            DeleteUserRequest::builder,
            (c, q) -> Check.request().name("userName", q.userName(), Check.LONG_NAME).done(),
            (c, q) -> ctx.userArn(c, q.userName()),
            this::deleteUser),
        row(
            "UpdateUser",
            UpdateUserRequest::builder,
            (c, q) ->
                Check.request()
                    .name("userName", q.userName(), Check.LONG_NAME)
                    .path("newPath", q.newPath())
                    .optionalName("newUserName", q.newUserName(), Check.SHORT_NAME)
                    .done(),
            (c, q) -> ctx.userArn(c, q.userName()),
            this::updateUser));
  }

  /**
   * Operations whose user defaults to the caller cannot default for a role session: IAM answers
   * with a validation error.
   */
  static void requireUserUnlessNamed(Caller caller, String userName) {
    if (userName == null && caller.type() == Caller.Type.ASSUMED_ROLE) {
      throw new AwsException(AwsError.VALIDATION_ERROR, NON_USER_CREDENTIALS);
    }
  }

  private CreateUserResponse createUser(Caller caller, CreateUserRequest q) {
    return ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          if (q.hasTags()) {
            Tags.rejectDuplicates(q.tags());
          }
          String boundary =
              q.permissionsBoundary() == null
                  ? null
                  : ctx.boundary(account, q.permissionsBoundary());
          if (account.users.containsKey(Account.key(q.userName()))) {
            throw alreadyExists("User with name " + q.userName() + " already exists.");
          }
          User user = new User();
          user.name = q.userName();
          user.path = q.path() == null ? "/" : q.path();
          user.id = Ids.uniqueId("AIDA");
          user.arn = account.iamArn("user" + user.path + user.name);
          user.createDate = now(caller);
          user.permissionsBoundary = boundary;
          if (q.hasTags()) {
            user.tags = Tags.merged(user.tags, q.tags(), "TagsPerUser");
          }
          account.users.put(Account.key(user.name), user);
          return CreateUserResponse.builder().user(Model.user(user, Model.View.CREATE)).build();
        });
  }

  private GetUserResponse getUser(Caller caller, GetUserRequest q) {
    return ctx.state.read(
        () -> {
          Account account = ctx.readable(caller);
          if (q.userName() == null && caller.type() == Caller.Type.ROOT) {
            return GetUserResponse.builder().user(root(caller, account)).build();
          }
          String name = q.userName() != null ? q.userName() : caller.name();
          User user = user(account, name);
          return GetUserResponse.builder().user(Model.user(user, Model.View.GET)).build();
        });
  }

  /**
   * The root user as GetUser shows it: the account ID as user ID, the root ARN, and the account's
   * creation date, which is when its first user was made.
   */
  private static software.amazon.awssdk.services.iam.model.User root(
      Caller caller, Account account) {
    Instant created =
        account.users.values().stream()
            .map(u -> u.createDate)
            .min(Instant::compareTo)
            .orElse(now(caller));
    return software.amazon.awssdk.services.iam.model.User.builder()
        .userId(account.id)
        .arn(account.rootArn())
        .createDate(created)
        .build();
  }

  private ListUsersResponse listUsers(Caller caller, ListUsersRequest q) {
    return ctx.state.read(
        () -> {
          Pages.Page<User> page =
              Pages.underPath(
                  ctx.readable(caller).users.values(), q.pathPrefix(), q.marker(), q.maxItems());
          return ListUsersResponse.builder()
              .users(page.items().stream().map(u -> Model.user(u, Model.View.LIST)).toList())
              .isTruncated(page.truncated())
              .marker(page.marker())
              .build();
        });
  }

  private DeleteUserResponse deleteUser(Caller caller, DeleteUserRequest q) {
    return ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          User user = user(account, q.userName());
          boolean hasKeys =
              ctx.state.accessKeys.values().stream().anyMatch(k -> owns(account, user, k));
          if (hasKeys) {
            throw deleteConflict("Cannot delete entity, must delete access keys first.");
          }
          boolean hasMfa =
              account.mfaDevices.values().stream()
                  .anyMatch(
                      d ->
                          d.userName != null
                              && Account.key(d.userName).equals(Account.key(user.name)));
          if (hasMfa) {
            throw deleteConflict("Cannot delete entity, must remove MFA device first.");
          }
          if (!user.inlinePolicies.isEmpty()) {
            throw deleteConflict("Cannot delete entity, must delete policies first.");
          }
          if (!user.attachedPolicies.isEmpty()) {
            throw deleteConflict("Cannot delete entity, must detach all policies first.");
          }
          if (!user.groups.isEmpty()) {
            throw deleteConflict("Cannot delete entity, must remove users from group first.");
          }
          account.users.remove(Account.key(user.name));
          ctx.state.accessKeys.values().removeIf(k -> owns(account, user, k));
          return DeleteUserResponse.builder().build();
        });
  }

  private UpdateUserResponse updateUser(Caller caller, UpdateUserRequest q) {
    return ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          User user = user(account, q.userName());
          String oldName = user.name;
          String newName = q.newUserName() == null ? oldName : q.newUserName();
          if (!Account.key(newName).equals(Account.key(oldName))
              && account.users.containsKey(Account.key(newName))) {
            throw alreadyExists("User with name " + newName + " already exists.");
          }
          for (AccessKey key : ctx.state.accessKeys.values()) {
            if (owns(account, user, key)) {
              key.userName = newName;
            }
          }
          account.mfaDevices.values().stream()
              .filter(
                  d -> d.userName != null && Account.key(d.userName).equals(Account.key(oldName)))
              .forEach(d -> d.userName = newName);
          account.users.remove(Account.key(oldName));
          user.name = newName;
          user.path = q.newPath() == null ? user.path : q.newPath();
          user.arn = account.iamArn("user" + user.path + user.name);
          account.users.put(Account.key(newName), user);
          return UpdateUserResponse.builder().build();
        });
  }

  /** Whether {@code key} is one of the user's long-term access keys. */
  static boolean owns(Account account, User user, AccessKey key) {
    return account.id.equals(key.account)
        && key.userName != null
        && Account.key(key.userName).equals(Account.key(user.name));
  }
}
