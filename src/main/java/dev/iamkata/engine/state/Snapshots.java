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
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
   * several tenants' worlds merged field by field into one snapshot restore together.
   */
  public static byte[] takeTenant(EngineState state, List<ServiceData> services, String tenant) {
    return takeTenants(state, services, List.of(tenant)).get(tenant);
  }

  /**
   * {@link #takeTenant} of each of {@code tenants} (absent ones give an empty world), in one pass
   * over the state: a workshop saves hundreds of learners' worlds a second, and a pass per tenant
   * would cost the whole engine's size each time. The IAM part is copied under the read lock, a few
   * tenants at a time so that no writer waits long behind the copy; the services export their own
   * resources outside it (they take their own locks, and one of them may be waiting for the state's
   * lock).
   */
  public static Map<String, byte[]> takeTenants(
      EngineState state, List<ServiceData> services, Collection<String> tenants) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    List<String> all = List.copyOf(tenants);
    for (int i = 0; i < all.size(); i += TENANTS_PER_LOCK) {
      out.putAll(
          takeChunk(state, services, all.subList(i, Math.min(all.size(), i + TENANTS_PER_LOCK))));
    }
    return out;
  }

  /** How many tenants' worlds one hold of the read lock copies. */
  private static final int TENANTS_PER_LOCK = 16;

  private static Map<String, byte[]> takeChunk(
      EngineState state, List<ServiceData> services, List<String> tenants) {
    Map<String, EngineState> views = new LinkedHashMap<>();
    tenants.forEach(t -> views.put(t, new EngineState()));
    Map<String, ObjectNode> roots =
        state.read(
            () -> {
              Map<String, EngineState> byAccount = new HashMap<>();
              state.tenants.forEach(
                  (account, t) -> {
                    EngineState view = views.get(t);
                    if (view != null && state.accounts.containsKey(account)) {
                      view.tenants.put(account, t);
                      view.accounts.put(account, state.accounts.get(account));
                      byAccount.put(account, view);
                    }
                  });
              state.accessKeys.forEach(
                  (id, key) -> {
                    EngineState view = byAccount.get(key.account);
                    if (view != null) {
                      view.accessKeys.put(id, key);
                    }
                  });
              Map<String, ObjectNode> copies = new LinkedHashMap<>();
              views.forEach(
                  (tenant, view) -> {
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
                    copies.put(tenant, JSON.valueToTree(view));
                  });
              return copies;
            });
    Map<String, byte[]> out = new LinkedHashMap<>();
    roots.forEach(
        (tenant, root) -> {
          ObjectNode sections = root.putObject("services");
          for (ServiceData service : services) {
            sections.set(service.name(), service.export(views.get(tenant)));
          }
          try {
            out.put(tenant, JSON.writeValueAsBytes(root));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    return out;
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
