package dev.iamkata.engine.control;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.engine.state.AccessKey;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.Bucket;
import dev.iamkata.engine.state.EngineState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One account at a time: create it, reset it, snapshot and restore it, leaving every other account
 * alone. A workshop gives each learner their own accounts and resets or restores only those.
 *
 * <p>An account's slice is its IAM world, its access keys and the S3 buckets it owns; the account
 * stays in its tenant through a reset or restore. A reset puts a new {@link Account} object in
 * place, so the services that key DynamoDB tables, Lambda functions and EC2 instances by the
 * account object forget the old account's resources too. A restore fills the existing account
 * object in place, so those service resources are kept as they are (they live outside snapshots, as
 * for the whole-engine snapshot of a single learner).
 */
public final class AccountScopes {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** Creates an account with its admin user and the given key (or a fresh one when null). */
  @FunctionalInterface
  public interface AccountFactory {
    AccessKeyPair create(String accountId, AccessKeyPair key);
  }

  /** One account's slice of the state, as stored in an account snapshot. */
  public record Slice(Account account, List<AccessKey> accessKeys, List<Bucket> buckets) {}

  private final EngineState state;
  private final AccountFactory factory;
  private final String adminUser;

  public AccountScopes(EngineState state, AccountFactory factory, String adminUser) {
    this.state = state;
    this.factory = factory;
    this.adminUser = adminUser;
  }

  /**
   * A new account with a fresh random 12-digit ID and a fresh admin key, in {@code tenant} (null or
   * {@link EngineState#DEFAULT_TENANT}: the default tenant).
   */
  public Created create(String tenant) {
    if (tenant != null && !tenant.isEmpty() && !TENANT.matcher(tenant).matches()) {
      throw new IllegalArgumentException(
          "a tenant is 1 to 64 letters, digits, '.', '_' or '-', not " + tenant);
    }
    return state.write(
        () -> {
          String id;
          do {
            id = String.format("%012d", Math.floorMod(RANDOM.nextLong(), 1_000_000_000_000L));
          } while (id.startsWith("0") || state.accounts.containsKey(id));
          if (tenant != null && !tenant.isEmpty()) {
            state.tenants.put(id, tenant);
          }
          return new Created(id, factory.create(id, null));
        });
  }

  /** An account {@link #create()} made. */
  public record Created(String accountId, AccessKeyPair adminKey) {}

  /** Back to a fresh account with the same ID and the same admin key. */
  public void reset(String accountId) {
    state.write(
        () -> {
          Account account = existing(accountId);
          AccessKeyPair admin = adminKey(account);
          state.accessKeys.values().removeIf(k -> accountId.equals(k.account));
          state.buckets.values().removeIf(b -> accountId.equals(b.owner));
          state.accounts.remove(accountId);
          factory.create(accountId, admin);
          return null;
        });
  }

  /** The account's slice as JSON. */
  public byte[] snapshot(String accountId) {
    return state.read(
        () -> {
          Account account = existing(accountId);
          List<AccessKey> keys = new ArrayList<>();
          state.accessKeys.values().stream()
              .filter(k -> accountId.equals(k.account))
              .forEach(keys::add);
          List<Bucket> buckets = new ArrayList<>();
          state.buckets.values().stream()
              .filter(b -> accountId.equals(b.owner))
              .forEach(buckets::add);
          try {
            return JSON.writeValueAsBytes(new Slice(account, keys, buckets));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /**
   * Puts back a slice {@link #snapshot} took of the same account. Nothing changes when the snapshot
   * is malformed, of another account, or names a bucket another account now owns.
   */
  public void restore(String accountId, byte[] snapshot) {
    Slice slice;
    try {
      slice = JSON.readValue(snapshot, Slice.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("not an account snapshot: " + e.getMessage(), e);
    }
    if (slice.account() == null || !accountId.equals(slice.account().id)) {
      throw new IllegalArgumentException("the snapshot is not of account " + accountId);
    }
    state.write(
        () -> {
          Account account = existing(accountId);
          for (Bucket b : slice.buckets()) {
            Bucket current = state.buckets.get(state.bucketKey(accountId, b.name));
            if (current != null && !accountId.equals(current.owner)) {
              throw new IllegalArgumentException(
                  "bucket " + b.name + " now belongs to another account");
            }
            if (!accountId.equals(b.owner)) {
              throw new IllegalArgumentException("the snapshot has a bucket of another account");
            }
          }
          for (AccessKey k : slice.accessKeys()) {
            AccessKey current = state.accessKeys.get(k.accessKeyId);
            if (!accountId.equals(k.account)
                || (current != null && !accountId.equals(current.account))) {
              throw new IllegalArgumentException("the snapshot has a key of another account");
            }
          }
          Account from = slice.account();
          account.users = from.users;
          account.groups = from.groups;
          account.roles = from.roles;
          account.policies = from.policies;
          account.instanceProfiles = from.instanceProfiles;
          state.accessKeys.values().removeIf(k -> accountId.equals(k.account));
          slice.accessKeys().forEach(k -> state.accessKeys.put(k.accessKeyId, k));
          state.buckets.values().removeIf(b -> accountId.equals(b.owner));
          slice.buckets().forEach(b -> state.buckets.put(state.bucketKey(accountId, b.name), b));
          return null;
        });
  }

  /** Whether the engine has this account. */
  public boolean exists(String accountId) {
    return state.read(() -> state.accounts.containsKey(accountId));
  }

  private Account existing(String accountId) {
    Account account = state.accounts.get(accountId);
    if (account == null) {
      throw new IllegalArgumentException("no account " + accountId + " in this engine");
    }
    return account;
  }

  private AccessKeyPair adminKey(Account account) {
    return state.accessKeys.values().stream()
        .filter(k -> account.id.equals(k.account) && adminUser.equals(k.userName))
        .findFirst()
        .map(k -> new AccessKeyPair(k.accessKeyId, k.secret))
        .orElse(null);
  }
}
