package dev.iamkata.workshop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.backend.ControlClient;
import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.engine.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The learners' worlds in the shared engine, one tenant per learner named by their id: the two
 * accounts made when they join, their reset, their clock, and the saving of each world within a
 * second of a change so a reopened workshop gets it back. {@link Workshop} keeps the learners'
 * records; this class is everything it asks of the engine on their behalf. Thread-safe without a
 * lock of its own: the engine serializes its control calls and the changed set is concurrent.
 */
final class LearnerWorlds {
  private final Engine engine;
  private final ControlClient root;
  private final WorkshopStore store;
  private final Clock clock;

  /** Learners whose world changed since it was last saved. */
  private final Set<String> dirty = ConcurrentHashMap.newKeySet();

  LearnerWorlds(Engine engine, AccessKeyPair rootKey, WorkshopStore store, Clock clock) {
    this.engine = engine;
    // the engine runs in this process: its control calls (joins, resets, the saver's hundreds of
    // world snapshots a second) skip the HTTP round trip
    this.root = ControlClient.inProcess(engine, rootKey);
    this.store = store;
    this.clock = clock;
  }

  /**
   * Puts every saved learner world back in one whole-engine restore: the fresh engine's own
   * snapshot (its root account) with each world merged in field by field.
   */
  void restore() throws SQLException, IOException, InterruptedException {
    Map<String, byte[]> worlds = store.worlds();
    if (!worlds.isEmpty()) {
      ObjectNode whole =
          (ObjectNode) WorkshopStore.JSON.readTree(root.call("GET", "snapshot", null));
      for (byte[] world : worlds.values()) {
        merge(whole, (ObjectNode) WorkshopStore.JSON.readTree(world));
      }
      root.call("POST", "restore", whole.toString(), "application/json");
    }
  }

  /** Adds one tenant's world to a whole-engine snapshot: every map field, and each service's. */
  private static void merge(ObjectNode whole, ObjectNode world) {
    for (var fields = world.fields(); fields.hasNext(); ) {
      var f = fields.next();
      if (!f.getValue().isObject()) {
        continue;
      }
      ObjectNode into = whole.with(f.getKey());
      if ("services".equals(f.getKey())) {
        for (var services = f.getValue().fields(); services.hasNext(); ) {
          var service = services.next();
          into.with(service.getKey()).setAll((ObjectNode) service.getValue());
        }
      } else {
        into.setAll((ObjectNode) f.getValue());
      }
    }
  }

  /**
   * Makes {@code l}'s two accounts (the second for cross-account lessons), both in the learner's
   * own tenant: their bucket names and clock are theirs.
   */
  void provision(LearnerState l) throws WorkshopException, InterruptedException {
    try {
      String tenant = "tenant=" + l.id;
      JsonNode first = WorkshopStore.JSON.readTree(root.call("POST", "accounts", tenant));
      JsonNode second = WorkshopStore.JSON.readTree(root.call("POST", "accounts", tenant));
      l.account = first.path("account").asText();
      l.adminKey = first.path("adminKey").asText();
      l.secondAccount = second.path("account").asText();
      l.secondAdminKey = second.path("adminKey").asText();
    } catch (IOException e) {
      throw new WorkshopException(500, "the engine could not create accounts: " + e.getMessage());
    }
  }

  /** Empties both of {@code l}'s accounts. */
  void reset(LearnerState l) throws WorkshopException, InterruptedException {
    try {
      root.call("POST", "reset?account=" + l.account, "");
      root.call("POST", "reset?account=" + l.secondAccount, "");
      dirty.add(l.id);
    } catch (IOException e) {
      throw new WorkshopException(500, "the engine could not reset: " + e.getMessage());
    }
  }

  /** Moves the engine's clock, under every tenant's own offset. */
  String advanceClock(String duration) throws WorkshopException, InterruptedException {
    return clock("duration=" + encode(duration));
  }

  /** Moves the clock of tenant {@code id} only. */
  String advanceClock(String id, String duration) throws WorkshopException, InterruptedException {
    String body = clock("duration=" + encode(duration) + "&tenant=" + id);
    dirty.add(id);
    return body;
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private String clock(String form) throws WorkshopException, InterruptedException {
    try {
      return root.call("POST", "clock/advance", form);
    } catch (ControlClient.ControlException e) {
      throw new WorkshopException(400, e.getMessage());
    } catch (IOException e) {
      throw new WorkshopException(500, e.getMessage());
    }
  }

  /** Marks learner {@code id}'s world for the next {@link #saveChanged}. */
  void changed(String id) {
    dirty.add(id);
  }

  /**
   * Saves the world of every learner who did something since it was last saved (one tenant snapshot
   * each, all in one transaction), so the cost follows the active learners, not the class.
   */
  void saveChanged() throws IOException, InterruptedException, SQLException {
    if (dirty.isEmpty()) {
      return;
    }
    // taken off the set before the snapshot: a change during it marks the learner again
    List<String> ids = List.copyOf(dirty);
    dirty.removeAll(ids);
    Map<String, byte[]> worlds;
    try {
      worlds = engine.tenantSnapshots(ids);
    } catch (RuntimeException e) {
      dirty.addAll(ids);
      throw e;
    }
    try {
      store.saveWorlds(worlds, clock.instant().toString());
    } catch (SQLException e) {
      dirty.addAll(worlds.keySet());
      throw e;
    }
  }
}
