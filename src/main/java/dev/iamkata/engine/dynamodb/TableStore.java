package dev.iamkata.engine.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.EngineState;
import dev.iamkata.engine.state.ServiceSections;
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
   * Keyed by the account object itself: a reset or restore, which replaces the accounts, replaces
   * the tables too (see {@link #restore}).
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

  /** The tables of {@code state}'s accounts as a snapshot section. */
  JsonNode export(EngineState current) {
    return ServiceSections.write(tables, current, TableSnapshots::write);
  }

  /** Reads a snapshot section; the returned action replaces every table with its tables. */
  Runnable restore(JsonNode section, EngineState incoming) {
    Map<Account, Map<String, Map<String, Table>>> read =
        ServiceSections.read(section, incoming, TableSnapshots::read, t -> t.name);
    return () -> {
      tables.clear();
      tables.putAll(read);
    };
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
