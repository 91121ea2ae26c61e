package dev.iamkata.engine.state;

import com.fasterxml.jackson.annotation.JsonIgnore;
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
 */
public final class EngineState {
  public Map<String, Account> accounts = new TreeMap<>();
  public Map<String, AccessKey> accessKeys = new TreeMap<>();

  /** S3 buckets, global by name across accounts. */
  public TreeMap<String, Bucket> buckets = new TreeMap<>();

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
          return null;
        });
  }

  public Optional<Account> account(String id) {
    return Optional.ofNullable(accounts.get(id));
  }

  public Optional<AccessKey> accessKey(String id) {
    return Optional.ofNullable(accessKeys.get(id));
  }
}
