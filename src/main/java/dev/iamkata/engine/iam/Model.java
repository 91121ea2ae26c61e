package dev.iamkata.engine.iam;

import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.Group;
import dev.iamkata.engine.state.InstanceProfile;
import dev.iamkata.engine.state.PolicyVersion;
import dev.iamkata.engine.state.Principal;
import dev.iamkata.engine.state.Role;
import dev.iamkata.engine.state.User;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.PermissionsBoundaryAttachmentType;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.RoleLastUsed;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * State to SDK model objects, with the members each operation shows: list operations return a
 * subset (no tags, no permissions boundary), {@code Get} operations everything.
 */
final class Model {
  private Model() {}

  /** Which members of an entity a response carries. */
  enum View {
    /** List operations and entities nested in other responses. */
    LIST,
    /** Create operations: what was set, without derived members. */
    CREATE,
    /** Get operations: everything. */
    GET
  }

  static software.amazon.awssdk.services.iam.model.User user(User user, View view) {
    var b =
        software.amazon.awssdk.services.iam.model.User.builder()
            .path(user.path)
            .userName(user.name)
            .userId(user.id)
            .arn(user.arn)
            .createDate(user.createDate);
    if (view != View.LIST) {
      b.permissionsBoundary(boundary(user)).tags(tags(user.tags));
    }
    return b.build();
  }

  static software.amazon.awssdk.services.iam.model.Role role(Role role, View view) {
    var b =
        software.amazon.awssdk.services.iam.model.Role.builder()
            .path(role.path)
            .roleName(role.name)
            .roleId(role.id)
            .arn(role.arn)
            .createDate(role.createDate)
            .assumeRolePolicyDocument(PolicyDocs.encode(role.assumeRolePolicy))
            .description(role.description);
    if (view != View.CREATE) {
      b.maxSessionDuration(role.maxSessionDuration);
    }
    if (view != View.LIST) {
      b.permissionsBoundary(boundary(role)).tags(tags(role.tags));
    }
    if (view == View.GET) {
      b.roleLastUsed(RoleLastUsed.builder().build());
    }
    return b.build();
  }

  /** A role as instance profiles nest it. */
  static software.amazon.awssdk.services.iam.model.Role nestedRole(Role role) {
    return software.amazon.awssdk.services.iam.model.Role.builder()
        .path(role.path)
        .roleName(role.name)
        .roleId(role.id)
        .arn(role.arn)
        .createDate(role.createDate)
        .assumeRolePolicyDocument(PolicyDocs.encode(role.assumeRolePolicy))
        .build();
  }

  static software.amazon.awssdk.services.iam.model.Group group(Group group) {
    return software.amazon.awssdk.services.iam.model.Group.builder()
        .path(group.path)
        .groupName(group.name)
        .groupId(group.id)
        .arn(group.arn)
        .createDate(group.createDate)
        .build();
  }

  static software.amazon.awssdk.services.iam.model.InstanceProfile instanceProfile(
      Account account, InstanceProfile profile, List<Tag> tags) {
    return software.amazon.awssdk.services.iam.model.InstanceProfile.builder()
        .path(profile.path)
        .instanceProfileName(profile.name)
        .instanceProfileId(profile.id)
        .arn(profile.arn)
        .createDate(profile.createDate)
        .roles(
            profile.roles.stream()
                .map(name -> IamContext.find(account.roles, name).orElse(null))
                .filter(Objects::nonNull)
                .map(Model::nestedRole)
                .toList())
        .tags(tags)
        .build();
  }

  /** A managed policy; {@code Description} only in {@link View#GET}, as IAM shows it. */
  static Policy policy(PolicyInfo info, IamContext.Usage usage, View view) {
    return Policy.builder()
        .policyName(info.name())
        .policyId(info.id())
        .arn(info.arn())
        .path(info.path())
        .defaultVersionId(info.defaultVersionId())
        .attachmentCount(usage.attachments())
        .permissionsBoundaryUsageCount(usage.boundaries())
        .isAttachable(info.attachable())
        .description(view == View.GET ? info.description() : null)
        .createDate(info.createDate())
        .updateDate(info.updateDate())
        .build();
  }

  static software.amazon.awssdk.services.iam.model.PolicyVersion version(
      PolicyVersion version, boolean isDefault, boolean withDocument) {
    return software.amazon.awssdk.services.iam.model.PolicyVersion.builder()
        .document(withDocument ? PolicyDocs.encode(version.document) : null)
        .versionId(version.versionId)
        .isDefaultVersion(isDefault)
        .createDate(version.createDate)
        .build();
  }

  static AttachedPermissionsBoundary boundary(Principal principal) {
    if (principal.permissionsBoundary == null) {
      return null;
    }
    return AttachedPermissionsBoundary.builder()
        .permissionsBoundaryType(PermissionsBoundaryAttachmentType.PERMISSIONS_BOUNDARY_POLICY)
        .permissionsBoundaryArn(principal.permissionsBoundary)
        .build();
  }

  /** Tags in IAM's order, or null (member absent) when there are none. */
  static List<Tag> tags(Map<String, String> tags) {
    if (tags.isEmpty()) {
      return null;
    }
    return tagList(tags);
  }

  /** Tags in IAM's order, an empty list when there are none. */
  static List<Tag> tagList(Map<String, String> tags) {
    return tags.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
  }
}
