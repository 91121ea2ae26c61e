package dev.iamkata.engine.iam;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.EngineState;
import dev.iamkata.engine.state.Entity;
import dev.iamkata.engine.state.Group;
import dev.iamkata.engine.state.InstanceProfile;
import dev.iamkata.engine.state.ManagedPolicy;
import dev.iamkata.engine.state.Principal;
import dev.iamkata.engine.state.Role;
import dev.iamkata.engine.state.User;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What every topic's handlers share: the state, the policy validator, the AWS managed policies, and
 * lookups that fail the way IAM does. Lookups must run inside {@code state.read} or {@code
 * state.write}.
 */
final class IamContext {
  final EngineState state;
  final PolicyValidator validator;
  final AwsPolicyCatalog awsPolicies;

  IamContext(EngineState state, PolicyValidator validator, AwsPolicyCatalog awsPolicies) {
    this.state = state;
    this.validator = validator;
    this.awsPolicies = awsPolicies;
  }

  /** The request time as IAM stamps {@code CreateDate}: the virtual clock, whole seconds. */
  static Instant now(Caller caller) {
    return caller.time().truncatedTo(ChronoUnit.SECONDS);
  }

  /** The caller's account, created on first write. */
  Account writable(Caller caller) {
    return state.accounts.computeIfAbsent(caller.account(), Account::new);
  }

  /** The caller's account for reading; an empty one if it has never been written. */
  Account readable(Caller caller) {
    Account account = state.accounts.get(caller.account());
    return account != null ? account : new Account(caller.account());
  }

  static User user(Account account, String name) {
    return find(account.users, name)
        .orElseThrow(() -> noSuchEntity("The user with name " + name + " cannot be found."));
  }

  static Role role(Account account, String name) {
    return find(account.roles, name)
        .orElseThrow(() -> noSuchEntity("The role with name " + name + " cannot be found."));
  }

  static Group group(Account account, String name) {
    return find(account.groups, name)
        .orElseThrow(() -> noSuchEntity("The group with name " + name + " cannot be found."));
  }

  static InstanceProfile instanceProfile(Account account, String name) {
    return find(account.instanceProfiles, name)
        .orElseThrow(() -> noSuchEntity("Instance Profile " + name + " cannot be found."));
  }

  static <T> Optional<T> find(Map<String, T> map, String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(map.get(Account.key(name)));
  }

  /** A managed policy of the account or of AWS, by ARN. */
  Optional<PolicyInfo> policy(Account account, String arn) {
    Arns.PolicyArn parsed = Arns.policy(arn);
    if (parsed.awsManaged()) {
      return awsPolicies.byArn(arn);
    }
    return localPolicy(account, parsed).map(PolicyInfo::of);
  }

  /** Any managed policy by ARN, or {@code NoSuchEntity} "Policy ARN was not found.". */
  PolicyInfo existingPolicy(Account account, String arn) {
    return policy(account, arn).orElseThrow(() -> policyNotFound(arn));
  }

  /**
   * A customer managed policy the caller may change. AWS managed policies belong to AWS's account,
   * so changing one is denied whatever the caller's own permissions say.
   */
  static ManagedPolicy changeablePolicy(Caller caller, Account account, String action, String arn) {
    Arns.PolicyArn parsed = Arns.policy(arn);
    if (parsed.awsManaged()) {
      throw new AwsException(
          AwsError.ACCESS_DENIED,
          "User: "
              + caller.arn()
              + " is not authorized to perform: "
              + action
              + " on resource: policy "
              + arn
              + " because no resource-based policy allows the "
              + action
              + " action");
    }
    return localPolicy(account, parsed).orElseThrow(() -> policyNotFound(arn));
  }

  static AwsException policyNotFound(String arn) {
    return noSuchEntity("Policy " + arn + " was not found.");
  }

  /**
   * Resolves a permissions boundary ARN to a managed policy the account can use, or fails as IAM
   * does for the {@code PermissionsBoundary} parameter.
   */
  String boundary(Account account, String arn) {
    Arns.PolicyArn parsed = Arns.boundary(arn);
    Optional<PolicyInfo> policy =
        parsed.awsManaged()
            ? awsPolicies.byArn(arn)
            : localPolicy(account, parsed).map(PolicyInfo::of);
    if (policy.isEmpty() || !policy.get().attachable()) {
      throw noSuchEntity("Scope ARN: " + arn + " does not exist or is not attachable.");
    }
    return arn;
  }

  /** A customer managed policy of the account, by parsed ARN. */
  static Optional<ManagedPolicy> localPolicy(Account account, Arns.PolicyArn arn) {
    if (!account.id.equals(arn.account())) {
      return Optional.empty();
    }
    return find(account.policies, arn.name()).filter(p -> p.arn.equals(arn.arn()));
  }

  /** How often the account uses a managed policy. */
  record Usage(int attachments, int boundaries) {
    static final Usage NONE = new Usage(0, 0);

    boolean inUse() {
      return attachments > 0 || boundaries > 0;
    }
  }

  /** Every managed policy ARN the account uses, with its usage counts. */
  static Map<String, Usage> usage(Account account) {
    Map<String, Usage> usage = new HashMap<>();
    entities(account)
        .forEach(
            e -> {
              for (String arn : e.attachedPolicies) {
                usage.merge(arn, new Usage(1, 0), IamContext::add);
              }
              if (e instanceof Principal p && p.permissionsBoundary != null) {
                usage.merge(p.permissionsBoundary, new Usage(0, 1), IamContext::add);
              }
            });
    return usage;
  }

  static Usage usage(Account account, String arn) {
    return usage(account).getOrDefault(arn, Usage.NONE);
  }

  static Stream<Entity> entities(Account account) {
    return Stream.of(account.users.values(), account.groups.values(), account.roles.values())
        .flatMap(c -> c.stream().map(Function.<Entity>identity()));
  }

  private static Usage add(Usage a, Usage b) {
    return new Usage(a.attachments + b.attachments, a.boundaries + b.boundaries);
  }

  /**
   * The ARN of an existing entity as stored (its path and spelling), else the one the request names
   * at path {@code /}.
   */
  private <T> String arnOf(
      Caller caller,
      Function<Account, Map<String, T>> map,
      Function<T, String> arn,
      String type,
      String name) {
    return state.read(
        () ->
            find(map.apply(readable(caller)), name)
                .map(arn)
                .orElseGet(() -> Arns.of(caller, type, "/", name)));
  }

  String userArn(Caller caller, String name) {
    return arnOf(caller, a -> a.users, u -> u.arn, "user", name);
  }

  String roleArn(Caller caller, String name) {
    return arnOf(caller, a -> a.roles, r -> r.arn, "role", name);
  }

  String groupArn(Caller caller, String name) {
    return arnOf(caller, a -> a.groups, g -> g.arn, "group", name);
  }

  String instanceProfileArn(Caller caller, String name) {
    return arnOf(caller, a -> a.instanceProfiles, p -> p.arn, "instance-profile", name);
  }

  static AwsException noSuchEntity(String message) {
    return new AwsException(AwsError.NO_SUCH_ENTITY, message);
  }

  static AwsException deleteConflict(String message) {
    return new AwsException(AwsError.DELETE_CONFLICT, message);
  }

  static AwsException limitExceeded(String message) {
    return new AwsException(AwsError.LIMIT_EXCEEDED, message);
  }

  static AwsException alreadyExists(String message) {
    return new AwsException(AwsError.ENTITY_ALREADY_EXISTS, message);
  }
}
