package dev.iamkata.engine;

import dev.iamkata.engine.state.AccessKey;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.EngineState;
import dev.iamkata.engine.state.Ids;
import dev.iamkata.engine.state.User;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Creates an account with its {@code admin} user (AdministratorAccess) and that user's key. */
final class Bootstrap {
  static final String ADMIN_USER = "admin";
  static final String ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";

  private Bootstrap() {}

  static AccessKeyPair account(EngineState state, String id, AccessKeyPair key, Instant now) {
    AccessKeyPair admin = key != null ? key : new AccessKeyPair(Ids.accessKeyId(), Ids.secret());
    Instant created = now.truncatedTo(ChronoUnit.SECONDS);
    return state.write(
        () -> {
          Account account = new Account(id);
          User user = new User();
          user.name = ADMIN_USER;
          user.id = Ids.uniqueId("AIDA");
          user.arn = account.iamArn("user/" + ADMIN_USER);
          user.createDate = created;
          user.attachedPolicies.add(ADMINISTRATOR_ACCESS);
          account.users.put(Account.key(ADMIN_USER), user);
          AccessKey accessKey = new AccessKey();
          accessKey.accessKeyId = admin.accessKeyId();
          accessKey.secret = admin.secretAccessKey();
          accessKey.account = id;
          accessKey.userName = ADMIN_USER;
          accessKey.createDate = created;
          state.accounts.put(id, account);
          state.accessKeys.put(accessKey.accessKeyId, accessKey);
          return admin;
        });
  }
}
