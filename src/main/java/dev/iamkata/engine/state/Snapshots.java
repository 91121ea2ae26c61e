package dev.iamkata.engine.state;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Engine state, with the services' resources, to JSON and back: snapshot, restore, reset. */
public final class Snapshots {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private Snapshots() {}

  /** A consistent copy of {@code state}, taken under its read lock. */
  public static byte[] take(EngineState state) {
    return state.read(
        () -> {
          try {
            return JSON.writeValueAsBytes(state);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /**
   * As {@link #take(EngineState)}, with each service's resources in a {@code services} section
   * under the service's name.
   */
  public static byte[] take(EngineState state, List<ServiceData> services) {
    ObjectNode root = state.read(() -> JSON.valueToTree(state));
    ObjectNode sections = root.putObject("services");
    for (ServiceData service : services) {
      sections.set(service.name(), service.export(state));
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One tenant's world (its accounts, their access keys, the tenant's buckets and clock offset, and
   * the services' resources of those accounts) in the shape of a whole-engine snapshot, so that
   * several tenants' worlds merged field by field into one snapshot restore together. The IAM part
   * is copied under the read lock; the services export their own resources outside it (they take
   * their own locks, and one of them may be waiting for the state's lock).
   */
  public static byte[] takeTenant(EngineState state, List<ServiceData> services, String tenant) {
    EngineState view = new EngineState();
    ObjectNode root =
        state.read(
            () -> {
              state.tenants.forEach(
                  (account, t) -> {
                    if (t.equals(tenant) && state.accounts.containsKey(account)) {
                      view.tenants.put(account, t);
                      view.accounts.put(account, state.accounts.get(account));
                    }
                  });
              state.accessKeys.forEach(
                  (id, key) -> {
                    if (view.accounts.containsKey(key.account)) {
                      view.accessKeys.put(id, key);
                    }
                  });
              String prefix = tenant + "/";
              for (Map.Entry<String, Bucket> b : state.buckets.tailMap(prefix).entrySet()) {
                if (!b.getKey().startsWith(prefix)) {
                  break;
                }
                view.buckets.put(b.getKey(), b.getValue());
              }
              Long offset = state.tenantClocks.get(tenant);
              if (offset != null) {
                view.tenantClocks.put(tenant, offset);
              }
              return JSON.valueToTree(view);
            });
    ObjectNode sections = root.putObject("services");
    for (ServiceData service : services) {
      sections.set(service.name(), service.export(view));
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Restores {@code snapshot} into {@code state}: the IAM state and every service's resources
   * together. Nothing changes when any part is malformed ({@link IllegalArgumentException}).
   */
  public static void restore(EngineState state, List<ServiceData> services, byte[] snapshot) {
    EngineState incoming = parse(snapshot);
    JsonNode sections;
    try {
      sections = JSON.readTree(snapshot).path("services");
    } catch (IOException e) {
      throw new IllegalArgumentException("not an engine snapshot: " + e.getMessage(), e);
    }
    install(state, services, incoming, sections);
  }

  /** Replaces {@code state} with {@code fresh} and empties every service (a reset). */
  public static void reset(EngineState state, List<ServiceData> services, EngineState fresh) {
    install(state, services, fresh, null);
  }

  private static void install(
      EngineState state, List<ServiceData> services, EngineState incoming, JsonNode sections) {
    List<Runnable> installs = new ArrayList<>();
    for (ServiceData service : services) {
      JsonNode section = sections == null ? null : sections.get(service.name());
      installs.add(service.restore(section, incoming));
    }
    state.replaceWith(incoming);
    installs.forEach(Runnable::run);
  }

  /** Parses a snapshot; throws {@link IllegalArgumentException} when it is not one. */
  public static EngineState parse(byte[] snapshot) {
    try {
      return JSON.readValue(snapshot, EngineState.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("not an engine snapshot: " + e.getMessage(), e);
    }
  }
}
