package dev.iamkata.shell;

import dev.iamkata.backend.AwsClients;
import dev.iamkata.engine.AccessKeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;

/**
 * ARNs and names of the IAM entities in the learner's account (users, roles, customer-managed
 * policies), asked of the backend with the IAM API and cached briefly, for tab completion. Any
 * failure means no candidates: completion never breaks the prompt.
 */
final class ArnSource implements AutoCloseable {
  private static final Duration FRESH = Duration.ofSeconds(10);

  /** What the account holds. */
  record Entities(List<String> arns, List<String> users, List<String> roles) {
    static final Entities NONE = new Entities(List.of(), List.of(), List.of());
  }

  private final AwsClients clients;
  private final Supplier<AccessKeyPair> key;
  private final Clock clock;
  private Entities cached = Entities.NONE;
  private Instant fetched = Instant.MIN;

  /**
   * @param key the credentials to list with (the admin's, else the learner's exported key); null
   *     from the supplier means none
   */
  ArnSource(String endpoint, String region, Supplier<AccessKeyPair> key, Clock clock) {
    this.clients = new AwsClients(endpoint, region);
    this.key = key;
    this.clock = clock;
  }

  /** Forgets the cache: the learner's last command may have created something. */
  synchronized void invalidate() {
    fetched = Instant.MIN;
  }

  synchronized Entities entities() {
    Instant now = clock.instant();
    if (fetched.plus(FRESH).isAfter(now)) {
      return cached;
    }
    fetched = now;
    AccessKeyPair k = key.get();
    if (k == null) {
      cached = Entities.NONE;
      return cached;
    }
    try (IamClient iam =
        clients.iam(AwsBasicCredentials.create(k.accessKeyId(), k.secretAccessKey()))) {
      List<String> arns = new ArrayList<>();
      List<String> users = new ArrayList<>();
      List<String> roles = new ArrayList<>();
      iam.listUsersPaginator()
          .users()
          .forEach(
              u -> {
                arns.add(u.arn());
                users.add(u.userName());
              });
      iam.listRolesPaginator()
          .roles()
          .forEach(
              r -> {
                arns.add(r.arn());
                roles.add(r.roleName());
              });
      iam.listPoliciesPaginator(b -> b.scope(PolicyScopeType.LOCAL))
          .policies()
          .forEach(p -> arns.add(p.arn()));
      cached = new Entities(List.copyOf(arns), List.copyOf(users), List.copyOf(roles));
    } catch (RuntimeException e) {
      cached = Entities.NONE;
    }
    return cached;
  }

  @Override
  public void close() {
    clients.close();
  }
}
