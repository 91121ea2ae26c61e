package dev.iamkata.engine.state;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Everything the engine remembers: accounts, the global index of access keys and S3's buckets. One
 * read-write lock guards it all; handlers run inside {@link #read} or {@link #write}, which keeps
 * every request atomic without per-entity locking. Serialises to JSON for snapshot and restore.
 *
 * <p>Accounts belong to a <em>tenant</em>, a separate world inside the one engine (a workshop gives
 * each learner's accounts their own): S3 bucket names are unique per tenant, as they are across
 * AWS, and each tenant's clock runs at its own offset over the engine's clock. Accounts not listed
 * in {@link #tenants} are in the {@linkplain #DEFAULT_TENANT default tenant}, whose bucket keys are
 * the plain names and whose clock is the engine's, so a plain engine behaves as one AWS.
 */
public final class EngineState {
  public Map<String, Account> accounts = new TreeMap<>();
  public Map<String, AccessKey> accessKeys = new TreeMap<>();

  /** The tenant of every account outside the default one. */
  public static final String DEFAULT_TENANT = "";

  /** S3 buckets by {@link #bucketKey}: global by name within a tenant. */
  public TreeMap<String, Bucket> buckets = new TreeMap<>();

  /** Account ID to tenant, for the accounts outside the default tenant. */
  public Map<String, String> tenants = new TreeMap<>();

  /** Tenant to how far its clock is ahead of the engine's, in milliseconds (absent: zero). */
  public Map<String, Long> tenantClocks = new TreeMap<>();

  @JsonIgnore private final ReadWriteLock lock = new ReentrantReadWriteLock();

  /** Runs {@code work} under the shared lock. */
  public <T> T read(Supplier<T> work) {
    lock.readLock().lock();
    try {
      return work.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Runs {@code work} under the exclusive lock. */
  public <T> T write(Supplier<T> work) {
    lock.writeLock().lock();
    try {
      return work.get();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Replaces everything with {@code other}'s contents (restore, reset). */
  public void replaceWith(EngineState other) {
    write(
        () -> {
          accounts = other.accounts;
          accessKeys = other.accessKeys;
          buckets = other.buckets;
          tenants = other.tenants;
          tenantClocks = other.tenantClocks;
          return null;
        });
  }

  public Optional<Account> account(String id) {
    return Optional.ofNullable(accounts.get(id));
  }

  public Optional<AccessKey> accessKey(String id) {
    return Optional.ofNullable(accessKeys.get(id));
  }

  /** The tenant of {@code account} ({@link #DEFAULT_TENANT} for unknown accounts and callers). */
  public String tenantOf(String account) {
    return read(
        () -> account == null ? DEFAULT_TENANT : tenants.getOrDefault(account, DEFAULT_TENANT));
  }

  /**
   * Where the bucket {@code name} as seen by {@code account} lives in {@link #buckets}: the name in
   * the default tenant, {@code TENANT/NAME} in any other (a bucket name never holds a slash).
   */
  public String bucketKey(String account, String name) {
    String tenant = tenantOf(account);
    return tenant.isEmpty() ? name : tenant + "/" + name;
  }

  /** How far {@code tenant}'s clock is ahead of the engine's. */
  public Duration tenantOffset(String tenant) {
    return read(() -> Duration.ofMillis(tenantClocks.getOrDefault(tenant, 0L)));
  }

  /** The time in {@code account}'s tenant when the engine's clock says {@code engineNow}. */
  public Instant tenantTime(String account, Instant engineNow) {
    return engineNow.plus(tenantOffset(tenantOf(account)));
  }

  /**
   * Moves {@code tenant}'s clock forward by {@code by} (positive), leaving every other tenant's
   * alone; returns the tenant's new offset.
   */
  public Duration advanceTenant(String tenant, Duration by) {
    if (by.isNegative() || by.isZero()) {
      throw new IllegalArgumentException("the clock only moves forward: " + by);
    }
    return write(() -> Duration.ofMillis(tenantClocks.merge(tenant, by.toMillis(), Long::sum)));
  }
}
