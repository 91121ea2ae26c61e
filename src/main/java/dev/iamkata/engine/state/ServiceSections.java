package dev.iamkata.engine.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Helpers for {@link ServiceData} sections shaped {@code {ACCOUNT: {REGION: [resource, …]}}}: only
 * the state's current accounts are written (a reset leaves the old ones behind until they are
 * collected), and a restore keys the resources by the incoming accounts.
 */
public final class ServiceSections {
  private ServiceSections() {}

  /** The section of {@code data}'s current accounts, each resource written by {@code item}. */
  public static <T> ObjectNode write(
      Map<Account, ? extends Map<String, ? extends Map<String, T>>> data,
      EngineState state,
      Function<T, JsonNode> item) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    data.forEach(
        (account, regions) -> {
          if (state.read(() -> state.account(account.id).orElse(null) != account)) {
            return;
          }
          ObjectNode byRegion = out.putObject(account.id);
          regions.forEach(
              (region, resources) -> {
                var list = byRegion.putArray(region);
                resources.values().forEach(r -> list.add(item.apply(r)));
              });
        });
    return out;
  }

  /**
   * Reads {@code {ACCOUNT: {REGION: [resource…]}}} into maps keyed by {@code incoming}'s accounts,
   * then region, then {@code key}; accounts it lacks are refused.
   */
  public static <T> Map<Account, Map<String, Map<String, T>>> read(
      JsonNode section, EngineState incoming, Function<JsonNode, T> item, Function<T, String> key) {
    Map<Account, Map<String, Map<String, T>>> out = new LinkedHashMap<>();
    if (section == null || section.isNull()) {
      return out;
    }
    if (!section.isObject()) {
      throw new IllegalArgumentException("a service section must be an object of accounts");
    }
    for (var accounts = section.fields(); accounts.hasNext(); ) {
      var a = accounts.next();
      Account account =
          incoming
              .account(a.getKey())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "the snapshot has resources of an unknown account " + a.getKey()));
      for (var regions = a.getValue().fields(); regions.hasNext(); ) {
        var r = regions.next();
        if (!r.getValue().isArray()) {
          throw new IllegalArgumentException("the resources of a region must be a list");
        }
        Map<String, T> byKey = new LinkedHashMap<>();
        for (JsonNode node : r.getValue()) {
          T value = item.apply(node);
          byKey.put(key.apply(value), value);
        }
        out.computeIfAbsent(account, k -> new LinkedHashMap<>()).put(r.getKey(), byKey);
      }
    }
    return out;
  }
}
