package dev.iamkata.workshop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The workshop's database: one SQLite file in write-ahead-log mode with {@code synchronous=NORMAL}:
 * a commit is in the log when it returns, so it survives a {@code kill -9} of the server (only a
 * power loss can take the last commits, which {@code FULL} would also fsync at every commit, the
 * cost the load test's tail showed). Holds the workshop's secrets (join code, instructor token, the
 * engine's root key), every learner's state as JSON, and every learner's world (their tenant's
 * engine snapshot). The file is created readable by its owner only.
 */
public final class WorkshopStore implements AutoCloseable {
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private final Connection db;

  /**
   * The order of the writes: fair, so the learner writer's commit goes next after the world chunk
   * being written, whereas the monitor would let the saver take it again and again.
   */
  private final ReentrantLock turns = new ReentrantLock(true);

  /** How many learners' worlds one transaction writes. */
  static final int WORLDS_PER_COMMIT = 16;

  private WorkshopStore(Connection db) {
    this.db = db;
  }

  /** Opens (creating when absent) the database at {@code file}. */
  public static WorkshopStore open(Path file) throws SQLException, IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    if (!Files.exists(file)) {
      Files.createFile(file);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the folder's own permissions protect it
      }
    }
    Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement s = db.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA synchronous=NORMAL");
      s.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
      s.execute("CREATE TABLE IF NOT EXISTS learners (id TEXT PRIMARY KEY, state TEXT NOT NULL)");
      s.execute(
          "CREATE TABLE IF NOT EXISTS worlds (learner TEXT PRIMARY KEY,"
              + " snapshot BLOB NOT NULL, taken TEXT NOT NULL)");
    }
    return new WorkshopStore(db);
  }

  /** A value of the {@code meta} table. */
  public synchronized Optional<String> meta(String key) throws SQLException {
    try (PreparedStatement p = db.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
      p.setString(1, key);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    }
  }

  public synchronized void putMeta(String key, String value) throws SQLException {
    try (PreparedStatement p =
        db.prepareStatement("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")) {
      p.setString(1, key);
      p.setString(2, value);
      p.executeUpdate();
    }
  }

  /** Writes several learners' rows (id to state JSON) in one transaction. */
  public void saveLearners(Map<String, String> rows) throws SQLException {
    turns.lock();
    try {
      saveLearnersNow(rows);
    } finally {
      turns.unlock();
    }
  }

  private synchronized void saveLearnersNow(Map<String, String> rows) throws SQLException {
    db.setAutoCommit(false);
    try (PreparedStatement p =
        db.prepareStatement("INSERT OR REPLACE INTO learners (id, state) VALUES (?, ?)")) {
      for (Map.Entry<String, String> row : rows.entrySet()) {
        p.setString(1, row.getKey());
        p.setString(2, row.getValue());
        p.addBatch();
      }
      p.executeBatch();
      db.commit();
    } catch (SQLException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
  }

  /** Every learner, in join order (ids are zero-padded sequence numbers). */
  public synchronized List<LearnerState> learners() throws SQLException {
    List<LearnerState> out = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT state FROM learners ORDER BY id")) {
      while (r.next()) {
        try {
          out.add(JSON.readValue(r.getString(1), LearnerState.class));
        } catch (IOException e) {
          throw new SQLException("a learner row is not valid JSON: " + e.getMessage(), e);
        }
      }
    }
    return out;
  }

  /**
   * Replaces the stored worlds of the given learners (learner id to tenant snapshot), {@link
   * #WORLDS_PER_COMMIT} to a transaction: a few commits however many learners changed, and the
   * learners' rows, whose commit an event waits for, take their turn in between instead of waiting
   * for every world.
   */
  public void saveWorlds(Map<String, byte[]> worlds, String taken) throws SQLException {
    List<Map.Entry<String, byte[]>> all = List.copyOf(worlds.entrySet());
    for (int i = 0; i < all.size(); i += WORLDS_PER_COMMIT) {
      turns.lock();
      try {
        saveWorldsNow(all.subList(i, Math.min(all.size(), i + WORLDS_PER_COMMIT)), taken);
      } finally {
        turns.unlock();
      }
    }
  }

  private synchronized void saveWorldsNow(List<Map.Entry<String, byte[]>> worlds, String taken)
      throws SQLException {
    db.setAutoCommit(false);
    try (PreparedStatement p =
        db.prepareStatement(
            "INSERT OR REPLACE INTO worlds (learner, snapshot, taken) VALUES (?, ?, ?)")) {
      for (Map.Entry<String, byte[]> w : worlds) {
        p.setString(1, w.getKey());
        p.setBytes(2, w.getValue());
        p.setString(3, taken);
        p.addBatch();
      }
      p.executeBatch();
      db.commit();
    } catch (SQLException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
  }

  /** Every learner's stored world, by learner id. */
  public synchronized Map<String, byte[]> worlds() throws SQLException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT learner, snapshot FROM worlds ORDER BY learner")) {
      while (r.next()) {
        out.put(r.getString(1), r.getBytes(2));
      }
    }
    return out;
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      // closing at exit: nothing left to save, the WAL is already durable
    }
  }
}
