package dev.iamkata.engine.iam;

import static dev.iamkata.engine.iam.IamContext.alreadyExists;
import static dev.iamkata.engine.iam.IamContext.deleteConflict;
import static dev.iamkata.engine.iam.IamContext.group;
import static dev.iamkata.engine.iam.IamContext.limitExceeded;
import static dev.iamkata.engine.iam.IamContext.noSuchEntity;
import static dev.iamkata.engine.iam.IamContext.now;
import static dev.iamkata.engine.iam.IamContext.user;
import static dev.iamkata.engine.iam.Rows.row;

import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.Group;
import dev.iamkata.engine.state.Ids;
import dev.iamkata.engine.state.User;
import java.util.List;
import software.amazon.awssdk.services.iam.model.AddUserToGroupRequest;
import software.amazon.awssdk.services.iam.model.AddUserToGroupResponse;
import software.amazon.awssdk.services.iam.model.CreateGroupRequest;
import software.amazon.awssdk.services.iam.model.CreateGroupResponse;
import software.amazon.awssdk.services.iam.model.DeleteGroupRequest;
import software.amazon.awssdk.services.iam.model.DeleteGroupResponse;
import software.amazon.awssdk.services.iam.model.GetGroupRequest;
import software.amazon.awssdk.services.iam.model.GetGroupResponse;
import software.amazon.awssdk.services.iam.model.ListGroupsForUserRequest;
import software.amazon.awssdk.services.iam.model.ListGroupsForUserResponse;
import software.amazon.awssdk.services.iam.model.ListGroupsRequest;
import software.amazon.awssdk.services.iam.model.ListGroupsResponse;
import software.amazon.awssdk.services.iam.model.RemoveUserFromGroupRequest;
import software.amazon.awssdk.services.iam.model.RemoveUserFromGroupResponse;

/**
 * CreateGroup, GetGroup, ListGroups, DeleteGroup, AddUserToGroup, RemoveUserFromGroup,
 * ListGroupsForUser. Membership lives on each {@link User} as the group's name.
 */
final class GroupOps {
  static final int MAX_GROUPS_PER_USER = 10;

  private final IamContext ctx;

  GroupOps(IamContext ctx) {
    this.ctx = ctx;
  }

  List<Operation<?, ?>> operations() {
    return List.of(
        row(
            "CreateGroup",
            CreateGroupRequest::builder,
            (c, q) ->
                Check.request()
                    .path("path", q.path())
                    .name("groupName", q.groupName(), Check.LONG_NAME)
                    .done(),
            (c, q) -> Arns.of(c, "group", q.path(), q.groupName()),
            this::create),
        row(
            "GetGroup",
            GetGroupRequest::builder,
            (c, q) ->
                Check.request()
                    .name("groupName", q.groupName(), Check.LONG_NAME)
                    .paging(q.marker(), q.maxItems())
                    .done(),
            (c, q) -> ctx.groupArn(c, q.groupName()),
            this::get),
        row(
            "ListGroups",
            ListGroupsRequest::builder,
            (c, q) ->
                Check.request()
                    .pathPrefix("pathPrefix", q.pathPrefix())
                    .paging(q.marker(), q.maxItems())
                    .done(),
            (c, q) -> Arns.list(c, "group", q.pathPrefix()),
            this::list),
        row(
            "DeleteGroup",
            DeleteGroupRequest::builder,
            (c, q) -> Check.request().name("groupName", q.groupName(), Check.LONG_NAME).done(),
            (c, q) -> ctx.groupArn(c, q.groupName()),
            this::delete),
        row(
            "AddUserToGroup",
            AddUserToGroupRequest::builder,
            (c, q) ->
                Check.request()
                    .name("groupName", q.groupName(), Check.LONG_NAME)
                    .name("userName", q.userName(), Check.LONG_NAME)
                    .done(),
            (c, q) -> ctx.groupArn(c, q.groupName()),
            this::addUser),
        row(
            "RemoveUserFromGroup",
            RemoveUserFromGroupRequest::builder,
            (c, q) ->
                Check.request()
                    .name("groupName", q.groupName(), Check.LONG_NAME)
                    .name("userName", q.userName(), Check.LONG_NAME)
                    .done(),
            (c, q) -> ctx.groupArn(c, q.groupName()),
            this::removeUser),
        row(
            "ListGroupsForUser",
            ListGroupsForUserRequest::builder,
            (c, q) ->
                Check.request()
                    .name("userName", q.userName(), Check.LONG_NAME)
                    .paging(q.marker(), q.maxItems())
                    .done(),
            (c, q) -> ctx.userArn(c, q.userName()),
            this::listForUser));
  }

  static boolean isMember(User user, Group group) {
    return user.groups.stream().anyMatch(g -> Account.key(g).equals(Account.key(group.name)));
  }

  private CreateGroupResponse create(Caller caller, CreateGroupRequest q) {
    return ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          if (account.groups.containsKey(Account.key(q.groupName()))) {
            throw alreadyExists("Group with name " + q.groupName() + " already exists.");
          }
          Group group = new Group();
          group.name = q.groupName();
          group.path = q.path() == null ? "/" : q.path();
          group.id = Ids.uniqueId("AGPA");
          group.arn = account.iamArn("group" + group.path + group.name);
          group.createDate = now(caller);
          account.groups.put(Account.key(group.name), group);
          return CreateGroupResponse.builder().group(Model.group(group)).build();
        });
  }

  private GetGroupResponse get(Caller caller, GetGroupRequest q) {
    return ctx.state.read(
        () -> {
          Account account = ctx.readable(caller);
          Group group = group(account, q.groupName());
          List<User> members =
              account.users.values().stream().filter(u -> isMember(u, group)).toList();
          Pages.Page<User> page =
              Pages.of(members, u -> Account.key(u.name), q.marker(), q.maxItems());
          return GetGroupResponse.builder()
              .group(Model.group(group))
              .users(page.items().stream().map(u -> Model.user(u, Model.View.LIST)).toList())
              .isTruncated(page.truncated())
              .marker(page.marker())
              .build();
        });
  }

  private ListGroupsResponse list(Caller caller, ListGroupsRequest q) {
    return ctx.state.read(
        () -> {
          Pages.Page<Group> page =
              Pages.underPath(
                  ctx.readable(caller).groups.values(), q.pathPrefix(), q.marker(), q.maxItems());
          return ListGroupsResponse.builder()
              .groups(page.items().stream().map(Model::group).toList())
              .isTruncated(page.truncated())
              .marker(page.marker())
              .build();
        });
  }

  private DeleteGroupResponse delete(Caller caller, DeleteGroupRequest q) {
    return ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          Group group = group(account, q.groupName());
          if (account.users.values().stream().anyMatch(u -> isMember(u, group))) {
            throw deleteConflict("Cannot delete entity, must remove users from group first.");
          }
          if (!group.attachedPolicies.isEmpty()) {
            throw deleteConflict("Cannot delete entity, must detach all policies first.");
          }
          if (!group.inlinePolicies.isEmpty()) {
            throw deleteConflict("Cannot delete entity, must delete policies first.");
          }
          account.groups.remove(Account.key(group.name));
          return DeleteGroupResponse.builder().build();
        });
  }

  private AddUserToGroupResponse addUser(Caller caller, AddUserToGroupRequest q) {
    return ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          Group group = group(account, q.groupName());
          User user = user(account, q.userName());
          if (!isMember(user, group)) {
            if (user.groups.size() >= MAX_GROUPS_PER_USER) {
              throw limitExceeded("Cannot exceed quota for GroupsPerUser: " + MAX_GROUPS_PER_USER);
            }
            user.groups.add(group.name);
          }
          return AddUserToGroupResponse.builder().build();
        });
  }

  private RemoveUserFromGroupResponse removeUser(Caller caller, RemoveUserFromGroupRequest q) {
    return ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          Group group = group(account, q.groupName());
          User user = user(account, q.userName());
          if (!isMember(user, group)) {
            throw noSuchEntity("The user with name " + q.userName() + " cannot be found.");
          }
          user.groups.removeIf(g -> Account.key(g).equals(Account.key(group.name)));
          return RemoveUserFromGroupResponse.builder().build();
        });
  }

  private ListGroupsForUserResponse listForUser(Caller caller, ListGroupsForUserRequest q) {
    return ctx.state.read(
        () -> {
          Account account = ctx.readable(caller);
          User user = user(account, q.userName());
          List<Group> groups =
              account.groups.values().stream().filter(g -> isMember(user, g)).toList();
          Pages.Page<Group> page =
              Pages.of(groups, g -> Account.key(g.name), q.marker(), q.maxItems());
          return ListGroupsForUserResponse.builder()
              .groups(page.items().stream().map(Model::group).toList())
              .isTruncated(page.truncated())
              .marker(page.marker())
              .build();
        });
  }
}
