package dev.iamkata.engine.iam;

import static dev.iamkata.engine.iam.IamContext.alreadyExists;
import static dev.iamkata.engine.iam.IamContext.deleteConflict;
import static dev.iamkata.engine.iam.IamContext.instanceProfile;
import static dev.iamkata.engine.iam.IamContext.limitExceeded;
import static dev.iamkata.engine.iam.IamContext.noSuchEntity;
import static dev.iamkata.engine.iam.IamContext.now;
import static dev.iamkata.engine.iam.IamContext.role;
import static dev.iamkata.engine.iam.Rows.row;

import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.Ids;
import dev.iamkata.engine.state.InstanceProfile;
import dev.iamkata.engine.state.Role;
import java.util.List;
import software.amazon.awssdk.services.iam.model.AddRoleToInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.AddRoleToInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.CreateInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.CreateInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.DeleteInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.DeleteInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.GetInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.GetInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesForRoleRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesForRoleResponse;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesResponse;
import software.amazon.awssdk.services.iam.model.RemoveRoleFromInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.RemoveRoleFromInstanceProfileResponse;

/**
 * CreateInstanceProfile, GetInstanceProfile, ListInstanceProfiles, ListInstanceProfilesForRole,
 * AddRoleToInstanceProfile, RemoveRoleFromInstanceProfile, DeleteInstanceProfile. Tags given at
 * creation are validated and echoed, but not kept: the state model has no place for them.
 */
final class InstanceProfileOps {
  static final int MAX_ROLES = 1;

  private final IamContext ctx;

  InstanceProfileOps(IamContext ctx) {
    this.ctx = ctx;
  }

  List<Operation<?, ?>> operations() {
    return List.of(
        row(
            "CreateInstanceProfile",
            CreateInstanceProfileRequest::builder,
            (c, q) ->
                profileName(q.instanceProfileName())
                    .path("path", q.path())
                    .tags(q.hasTags() ? q.tags() : null)
                    .done(),
            (c, q) -> Arns.of(c, "instance-profile", q.path(), q.instanceProfileName()),
            this::create),
        row(
            "GetInstanceProfile",
            GetInstanceProfileRequest::builder,
            (c, q) -> profileName(q.instanceProfileName()).done(),
            (c, q) -> ctx.instanceProfileArn(c, q.instanceProfileName()),
            this::get),
        row(
            "ListInstanceProfiles",
            ListInstanceProfilesRequest::builder,
            (c, q) ->
                Check.request()
                    .pathPrefix("pathPrefix", q.pathPrefix())
                    .paging(q.marker(), q.maxItems())
                    .done(),
            (c, q) -> Arns.list(c, "instance-profile", q.pathPrefix()),
            this::list),
        row(
            "ListInstanceProfilesForRole",
            ListInstanceProfilesForRoleRequest::builder,
            (c, q) -> RoleOps.roleName(q.roleName()).paging(q.marker(), q.maxItems()).done(),
            (c, q) -> ctx.roleArn(c, q.roleName()),
            this::listForRole),
        row(
            "AddRoleToInstanceProfile",
            AddRoleToInstanceProfileRequest::builder,
            (c, q) ->
                profileName(q.instanceProfileName())
                    .name("roleName", q.roleName(), Check.SHORT_NAME)
                    .done(),
            (c, q) -> ctx.instanceProfileArn(c, q.instanceProfileName()),
            this::addRole),
        row(
            "RemoveRoleFromInstanceProfile",
            RemoveRoleFromInstanceProfileRequest::builder,
            (c, q) ->
                profileName(q.instanceProfileName())
                    .name("roleName", q.roleName(), Check.SHORT_NAME)
                    .done(),
            (c, q) -> ctx.instanceProfileArn(c, q.instanceProfileName()),
            this::removeRole),
        row(
            "DeleteInstanceProfile",
            DeleteInstanceProfileRequest::builder,
            (c, q) -> profileName(q.instanceProfileName()).done(),
            (c, q) -> ctx.instanceProfileArn(c, q.instanceProfileName()),
            this::delete));
  }

  private static Check profileName(String name) {
    return Check.request().name("instanceProfileName", name, Check.LONG_NAME);
  }

  /** Whether the profile holds the role. */
  static boolean contains(InstanceProfile profile, Role role) {
    return profile.roles.stream().anyMatch(r -> Account.key(r).equals(Account.key(role.name)));
  }

  private CreateInstanceProfileResponse create(Caller caller, CreateInstanceProfileRequest q) {
    return ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          if (q.hasTags()) {
            Tags.rejectDuplicates(q.tags());
          }
          if (account.instanceProfiles.containsKey(Account.key(q.instanceProfileName()))) {
            throw alreadyExists("Instance Profile " + q.instanceProfileName() + " already exists.");
          }
          InstanceProfile profile = new InstanceProfile();
          profile.name = q.instanceProfileName();
          profile.path = q.path() == null ? "/" : q.path();
          profile.id = Ids.uniqueId("AIPA");
          profile.arn = account.iamArn("instance-profile" + profile.path + profile.name);
          profile.createDate = now(caller);
          account.instanceProfiles.put(Account.key(profile.name), profile);
          return CreateInstanceProfileResponse.builder()
              .instanceProfile(Model.instanceProfile(account, profile, q.tags()))
              .build();
        });
  }

  private GetInstanceProfileResponse get(Caller caller, GetInstanceProfileRequest q) {
    return ctx.state.read(
        () -> {
          Account account = ctx.readable(caller);
          InstanceProfile profile = instanceProfile(account, q.instanceProfileName());
          return GetInstanceProfileResponse.builder()
              .instanceProfile(Model.instanceProfile(account, profile, null))
              .build();
        });
  }

  private ListInstanceProfilesResponse list(Caller caller, ListInstanceProfilesRequest q) {
    return ctx.state.read(
        () -> {
          Account account = ctx.readable(caller);
          String prefix = q.pathPrefix() == null ? "/" : q.pathPrefix();
          Pages.Page<InstanceProfile> page =
              page(
                  account.instanceProfiles.values().stream()
                      .filter(p -> p.path.startsWith(prefix))
                      .toList(),
                  q.marker(),
                  q.maxItems());
          return ListInstanceProfilesResponse.builder()
              .instanceProfiles(
                  page.items().stream().map(p -> Model.instanceProfile(account, p, null)).toList())
              .isTruncated(page.truncated())
              .marker(page.marker())
              .build();
        });
  }

  private ListInstanceProfilesForRoleResponse listForRole(
      Caller caller, ListInstanceProfilesForRoleRequest q) {
    return ctx.state.read(
        () -> {
          Account account = ctx.readable(caller);
          Role role = role(account, q.roleName());
          Pages.Page<InstanceProfile> page =
              page(
                  account.instanceProfiles.values().stream()
                      .filter(p -> contains(p, role))
                      .toList(),
                  q.marker(),
                  q.maxItems());
          return ListInstanceProfilesForRoleResponse.builder()
              .instanceProfiles(
                  page.items().stream().map(p -> Model.instanceProfile(account, p, null)).toList())
              .isTruncated(page.truncated())
              .marker(page.marker())
              .build();
        });
  }

  private static Pages.Page<InstanceProfile> page(
      List<InstanceProfile> profiles, String marker, Integer maxItems) {
    return Pages.of(profiles, p -> Account.key(p.name), marker, maxItems);
  }

  private AddRoleToInstanceProfileResponse addRole(
      Caller caller, AddRoleToInstanceProfileRequest q) {
    return ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          InstanceProfile profile = instanceProfile(account, q.instanceProfileName());
          Role role = role(account, q.roleName());
          if (profile.roles.size() >= MAX_ROLES) {
            throw limitExceeded(
                "Cannot exceed quota for InstanceSessionsPerInstanceProfile: " + MAX_ROLES);
          }
          profile.roles.add(role.name);
          return AddRoleToInstanceProfileResponse.builder().build();
        });
  }

  private RemoveRoleFromInstanceProfileResponse removeRole(
      Caller caller, RemoveRoleFromInstanceProfileRequest q) {
    return ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          InstanceProfile profile = instanceProfile(account, q.instanceProfileName());
          Role role = role(account, q.roleName());
          if (!contains(profile, role)) {
            throw noSuchEntity("The role with name " + q.roleName() + " cannot be found.");
          }
          profile.roles.removeIf(r -> Account.key(r).equals(Account.key(role.name)));
          return RemoveRoleFromInstanceProfileResponse.builder().build();
        });
  }

  private DeleteInstanceProfileResponse delete(Caller caller, DeleteInstanceProfileRequest q) {
    return ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          InstanceProfile profile = instanceProfile(account, q.instanceProfileName());
          if (!profile.roles.isEmpty()) {
            throw deleteConflict(
                "Cannot delete entity, must remove roles from instance profile first.");
          }
          account.instanceProfiles.remove(Account.key(profile.name));
          return DeleteInstanceProfileResponse.builder().build();
        });
  }
}
