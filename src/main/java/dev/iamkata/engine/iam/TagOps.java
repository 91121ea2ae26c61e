package dev.iamkata.engine.iam;

import static dev.iamkata.engine.iam.IamContext.role;
import static dev.iamkata.engine.iam.IamContext.user;
import static dev.iamkata.engine.iam.Rows.row;

import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.state.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.ListRoleTagsRequest;
import software.amazon.awssdk.services.iam.model.ListRoleTagsResponse;
import software.amazon.awssdk.services.iam.model.ListUserTagsRequest;
import software.amazon.awssdk.services.iam.model.ListUserTagsResponse;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.TagRoleRequest;
import software.amazon.awssdk.services.iam.model.TagRoleResponse;
import software.amazon.awssdk.services.iam.model.TagUserRequest;
import software.amazon.awssdk.services.iam.model.TagUserResponse;
import software.amazon.awssdk.services.iam.model.UntagRoleRequest;
import software.amazon.awssdk.services.iam.model.UntagRoleResponse;
import software.amazon.awssdk.services.iam.model.UntagUserRequest;
import software.amazon.awssdk.services.iam.model.UntagUserResponse;

/** TagRole, UntagRole, ListRoleTags, TagUser, UntagUser, ListUserTags. */
final class TagOps {
  private final IamContext ctx;

  TagOps(IamContext ctx) {
    this.ctx = ctx;
  }

  List<Operation<?, ?>> operations() {
    return List.of(
        row(
            "TagRole",
            TagRoleRequest::builder,
            (c, q) ->
                RoleOps.roleName(q.roleName())
                    .required("tags", tags(q.tags()))
                    .tags(tags(q.tags()))
                    .done(),
            (c, q) -> ctx.roleArn(c, q.roleName()),
            (c, q) -> {
              ctx.state.write(
                  () -> tag(role(ctx.writable(c), q.roleName()), q.tags(), "TagsPerRole"));
              return TagRoleResponse.builder().build();
            }),
        row(
            "UntagRole",
            UntagRoleRequest::builder,
            (c, q) -> RoleOps.roleName(q.roleName()).tagKeys(keys(q.tagKeys())).done(),
            (c, q) -> ctx.roleArn(c, q.roleName()),
            (c, q) -> {
              ctx.state.write(() -> untag(role(ctx.writable(c), q.roleName()), q.tagKeys()));
              return UntagRoleResponse.builder().build();
            }),
        row(
            "ListRoleTags",
            ListRoleTagsRequest::builder,
            (c, q) -> RoleOps.roleName(q.roleName()).paging(q.marker(), q.maxItems()).done(),
            (c, q) -> ctx.roleArn(c, q.roleName()),
            (c, q) ->
                ctx.state.read(
                    () -> {
                      Pages.Page<Tag> page =
                          page(role(ctx.readable(c), q.roleName()), q.marker(), q.maxItems());
                      return ListRoleTagsResponse.builder()
                          .tags(page.items())
                          .isTruncated(page.truncated())
                          .marker(page.marker())
                          .build();
                    })),
        row(
            "TagUser",
            TagUserRequest::builder,
            (c, q) ->
                userName(q.userName()).required("tags", tags(q.tags())).tags(tags(q.tags())).done(),
            (c, q) -> ctx.userArn(c, q.userName()),
            (c, q) -> {
              ctx.state.write(
                  () -> tag(user(ctx.writable(c), q.userName()), q.tags(), "TagsPerUser"));
              return TagUserResponse.builder().build();
            }),
        row(
            "UntagUser",
            UntagUserRequest::builder,
            (c, q) -> userName(q.userName()).tagKeys(keys(q.tagKeys())).done(),
            (c, q) -> ctx.userArn(c, q.userName()),
            (c, q) -> {
              ctx.state.write(() -> untag(user(ctx.writable(c), q.userName()), q.tagKeys()));
              return UntagUserResponse.builder().build();
            }),
        row(
            "ListUserTags",
            ListUserTagsRequest::builder,
            (c, q) -> userName(q.userName()).paging(q.marker(), q.maxItems()).done(),
            (c, q) -> ctx.userArn(c, q.userName()),
            (c, q) ->
                ctx.state.read(
                    () -> {
                      Pages.Page<Tag> page =
                          page(user(ctx.readable(c), q.userName()), q.marker(), q.maxItems());
                      return ListUserTagsResponse.builder()
                          .tags(page.items())
                          .isTruncated(page.truncated())
                          .marker(page.marker())
                          .build();
                    })));
  }

  private static Check userName(String name) {
    return Check.request().name("userName", name, Check.LONG_NAME);
  }

  /** The request's tags, or null when the member is absent. */
  private static List<Tag> tags(List<Tag> tags) {
    return tags instanceof software.amazon.awssdk.core.util.SdkAutoConstructList ? null : tags;
  }

  private static List<String> keys(List<String> keys) {
    return keys instanceof software.amazon.awssdk.core.util.SdkAutoConstructList ? null : keys;
  }

  private static Map<String, String> tag(Principal principal, List<Tag> tags, String quota) {
    principal.tags = Tags.merged(principal.tags, tags, quota);
    return principal.tags;
  }

  private static Map<String, String> untag(Principal principal, List<String> keys) {
    principal.tags = Tags.without(principal.tags, keys);
    return principal.tags;
  }

  private static Pages.Page<Tag> page(Principal principal, String marker, Integer maxItems) {
    return Pages.of(
        Model.tagList(principal.tags), t -> t.key().toLowerCase(Locale.ROOT), marker, maxItems);
  }
}
