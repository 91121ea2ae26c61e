package dev.iamkata.engine.iam;

import static dev.iamkata.engine.iam.IamContext.limitExceeded;
import static dev.iamkata.engine.iam.IamContext.noSuchEntity;
import static dev.iamkata.engine.iam.IamContext.now;
import static dev.iamkata.engine.iam.IamContext.user;
import static dev.iamkata.engine.iam.Rows.row;

import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.state.AccessKey;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.Ids;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.ListAccessKeysRequest;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.UpdateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAccessKeyResponse;

/**
 * CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey. Without {@code UserName} they
 * act on the calling user; a root caller's keys are the account's root keys, stored with no user
 * name.
 */
final class AccessKeyOps {
  static final int MAX_KEYS_PER_USER = 2;

  private final IamContext ctx;

  AccessKeyOps(IamContext ctx) {
    this.ctx = ctx;
  }

  List<Operation<?, ?>> operations() {
    return List.of(
        row(
            "CreateAccessKey",
            CreateAccessKeyRequest::builder,
            (c, q) -> checkUser(c, q.userName()),
            (c, q) -> resource(c, q.userName()),
            this::create),
        row(
            "ListAccessKeys",
            ListAccessKeysRequest::builder,
            (c, q) -> {
              checkUser(c, q.userName());
              Check.request().paging(q.marker(), q.maxItems()).done();
            },
            (c, q) -> resource(c, q.userName()),
            this::list),
        row(
            "UpdateAccessKey",
            UpdateAccessKeyRequest::builder,
            (c, q) -> {
              checkUser(c, q.userName());
              checkKeyId(q.accessKeyId())
                  .required("status", q.statusAsString())
                  .oneOf("status", q.statusAsString(), List.of("Active", "Inactive"))
                  .done();
            },
            (c, q) -> resource(c, q.userName()),
            this::update),
        row(
            "DeleteAccessKey",
            DeleteAccessKeyRequest::builder,
            (c, q) -> {
              checkUser(c, q.userName());
              checkKeyId(q.accessKeyId()).done();
            },
            (c, q) -> resource(c, q.userName()),
            this::delete));
  }

  private static void checkUser(Caller caller, String userName) {
    Check.request().optionalName("userName", userName, Check.LONG_NAME).done();
    UserOps.requireUserUnlessNamed(caller, userName);
  }

  private static Check checkKeyId(String id) {
    return Check.request()
        .required("accessKeyId", id)
        .length("accessKeyId", id, 16, 128)
        .pattern("accessKeyId", id, Check.ACCESS_KEY_ID);
  }

  private String resource(Caller caller, String userName) {
    String name = target(caller, userName);
    return name == null ? caller.arn() : ctx.userArn(caller, name);
  }

  /** The user a request acts on: named, else the caller; null for the root user. */
  private static String target(Caller caller, String userName) {
    if (userName != null) {
      return userName;
    }
    return caller.type() == Caller.Type.USER ? caller.name() : null;
  }

  /** The owning user's own spelling, after checking that the user exists; null for root. */
  private String owner(Account account, Caller caller, String userName) {
    String name = target(caller, userName);
    return name == null ? null : user(account, name).name;
  }

  private List<AccessKey> keysOf(Account account, String owner) {
    return ctx.state.accessKeys.values().stream()
        .filter(k -> account.id.equals(k.account) && sameOwner(k.userName, owner))
        .sorted(
            Comparator.comparing((AccessKey k) -> k.createDate).thenComparing(k -> k.accessKeyId))
        .toList();
  }

  private static boolean sameOwner(String keyUser, String owner) {
    if (keyUser == null || owner == null) {
      return keyUser == null && owner == null;
    }
    return Account.key(keyUser).equals(Account.key(owner));
  }

  private AccessKey key(Account account, String owner, String accessKeyId) {
    return keysOf(account, owner).stream()
        .filter(k -> k.accessKeyId.equals(accessKeyId))
        .findFirst()
        .orElseThrow(
            () -> noSuchEntity("The Access Key with id " + accessKeyId + " cannot be found."));
  }

  private CreateAccessKeyResponse create(Caller caller, CreateAccessKeyRequest q) {
    return ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          String owner = owner(account, caller, q.userName());
          if (keysOf(account, owner).size() >= MAX_KEYS_PER_USER) {
            throw limitExceeded("Cannot exceed quota for AccessKeysPerUser: " + MAX_KEYS_PER_USER);
          }
          AccessKey key = new AccessKey();
          key.accessKeyId = Ids.accessKeyId();
          key.secret = Ids.secret();
          key.account = account.id;
          key.userName = owner;
          key.createDate = now(caller);
          ctx.state.accessKeys.put(key.accessKeyId, key);
          return CreateAccessKeyResponse.builder()
              .accessKey(
                  software.amazon.awssdk.services.iam.model.AccessKey.builder()
                      .userName(owner)
                      .accessKeyId(key.accessKeyId)
                      .status(StatusType.ACTIVE)
                      .secretAccessKey(key.secret)
                      .createDate(key.createDate)
                      .build())
              .build();
        });
  }

  private ListAccessKeysResponse list(Caller caller, ListAccessKeysRequest q) {
    return ctx.state.read(
        () -> {
          Account account = ctx.readable(caller);
          String owner = owner(account, caller, q.userName());
          Function<AccessKey, String> byId = k -> k.accessKeyId;
          Pages.Page<AccessKey> page =
              Pages.of(keysOf(account, owner), byId, q.marker(), q.maxItems());
          return ListAccessKeysResponse.builder()
              .accessKeyMetadata(page.items().stream().map(AccessKeyOps::metadata).toList())
              .isTruncated(page.truncated())
              .marker(page.marker())
              .build();
        });
  }

  private static AccessKeyMetadata metadata(AccessKey key) {
    return AccessKeyMetadata.builder()
        .userName(key.userName)
        .accessKeyId(key.accessKeyId)
        .status(key.active ? StatusType.ACTIVE : StatusType.INACTIVE)
        .createDate(key.createDate)
        .build();
  }

  private UpdateAccessKeyResponse update(Caller caller, UpdateAccessKeyRequest q) {
    return ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          AccessKey key = key(account, owner(account, caller, q.userName()), q.accessKeyId());
          key.active = "Active".equals(q.statusAsString());
          return UpdateAccessKeyResponse.builder().build();
        });
  }

  private DeleteAccessKeyResponse delete(Caller caller, DeleteAccessKeyRequest q) {
    return ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          AccessKey key = key(account, owner(account, caller, q.userName()), q.accessKeyId());
          ctx.state.accessKeys.remove(key.accessKeyId);
          return DeleteAccessKeyResponse.builder().build();
        });
  }
}
