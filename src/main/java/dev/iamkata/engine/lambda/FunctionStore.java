package dev.iamkata.engine.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.EngineState;
import dev.iamkata.engine.state.ServiceData;
import dev.iamkata.engine.state.ServiceSections;
import java.util.Map;
import java.util.TreeMap;
import java.util.WeakHashMap;

/**
 * Functions by account object, then region, then name (names sorted, as ListFunctions lists them).
 * Every access holds {@code lock}, the {@link LambdaService}'s monitor.
 */
final class FunctionStore {
  private final Object lock;

  /**
   * Keyed by the account object itself: a reset or restore, which replaces the accounts, replaces
   * the functions too (see {@link #data}).
   */
  private final Map<Account, Map<String, Map<String, StoredFunction>>> functions =
      new WeakHashMap<>();

  FunctionStore(Object lock) {
    this.lock = lock;
  }

  /** The caller's functions in its account and region, by name; the caller holds the lock. */
  Map<String, StoredFunction> region(EngineState state, Caller caller) {
    Account account = state.read(() -> state.account(caller.account()).orElseThrow());
    return functions
        .computeIfAbsent(account, a -> new TreeMap<>())
        .computeIfAbsent(caller.region(), r -> new TreeMap<>());
  }

  /** The functions, with their packages, as a snapshot section. */
  ServiceData data() {
    return new ServiceData() {
      @Override
      public String name() {
        return "lambda";
      }

      @Override
      public JsonNode export(EngineState current) {
        synchronized (lock) {
          return ServiceSections.write(functions, current, StoredFunction::write);
        }
      }

      @Override
      public Runnable restore(JsonNode section, EngineState incoming) {
        var read =
            ServiceSections.read(section, incoming, StoredFunction::read, StoredFunction::name);
        return () -> {
          synchronized (lock) {
            functions.clear();
            read.forEach(
                (account, regions) ->
                    regions.forEach(
                        (region, byName) ->
                            functions
                                .computeIfAbsent(account, a -> new TreeMap<>())
                                .put(region, new TreeMap<>(byName))));
          }
        };
      }
    };
  }
}
