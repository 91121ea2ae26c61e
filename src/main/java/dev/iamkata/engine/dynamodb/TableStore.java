package dev.iamkata.engine.dynamodb;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.EngineState;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Tables by account, then region, then name. Not thread-safe: {@link DynamoDbService} runs every
 * operation under one lock, so callers here already hold it.
 */
final class TableStore {
  static final String NOT_FOUND = "Requested resource not found";

  private final EngineState state;

  /**
   * Keyed by the account object itself, so a reset or restore, which replaces the accounts, starts
   * with no tables.
   */
  private final Map<Account, Map<String, Map<String, Table>>> tables = new WeakHashMap<>();

  TableStore(EngineState state) {
    this.state = state;
  }

  /** The caller's tables in its account and region, by name; created empty on first use. */
  Map<String, Table> region(Caller caller) {
    Account account = state.read(() -> state.account(caller.account()).orElseThrow());
    return tables
        .computeIfAbsent(account, k -> new HashMap<>())
        .computeIfAbsent(caller.region(), k -> new LinkedHashMap<>());
  }

  /** The named table in the caller's account and region; ResourceNotFoundException otherwise. */
  Table table(Caller caller, String name) {
    Table table = region(caller).get(name);
    if (table == null) {
      throw new AwsException(AwsError.RESOURCE_NOT_FOUND, NOT_FOUND);
    }
    return table;
  }
}
