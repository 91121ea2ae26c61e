package dev.iamkata.workshop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.backend.Backend;
import dev.iamkata.backend.BackendException;
import dev.iamkata.backend.Capabilities;
import dev.iamkata.backend.ControlClient;
import dev.iamkata.backend.EmbeddedBackend;
import dev.iamkata.engine.AccessKeyPair;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A learner's backend in a workshop: the server's engine, scoped to the learner's two accounts.
 * Reset, snapshot and restore act on those two accounts only (signed with each account's own admin
 * key, which the engine allows for that account and no other); the clock is the learner's own
 * (their tenant's), read from the engine and moved through the workshop server.
 */
public final class WorkshopBackend implements Backend {
  private final URI endpoint;
  private final String region;
  private final Map<String, AccessKeyPair> accounts = new LinkedHashMap<>();
  private final String first;
  private final String second;
  private final WorkshopClient client;

  public WorkshopBackend(WorkshopClient.Joined joined, WorkshopClient client) {
    this.endpoint = URI.create(joined.endpoint());
    this.region = joined.region();
    this.first = joined.account();
    this.second = joined.secondAccount();
    accounts.put(first, AccessKeyPair.parse(joined.adminKey()));
    accounts.put(second, AccessKeyPair.parse(joined.secondAdminKey()));
    this.client = client;
  }

  @Override
  public String name() {
    return "workshop";
  }

  @Override
  public String endpoint() {
    return endpoint.toString();
  }

  @Override
  public String region() {
    return region;
  }

  @Override
  public String accountId() {
    return first;
  }

  @Override
  public String secondAccountId() {
    return second;
  }

  @Override
  public AccessKeyPair adminKey(String account) {
    AccessKeyPair key = accounts.get(account);
    if (key == null) {
      throw new IllegalArgumentException(
          "no admin key for account " + account + " in this workshop");
    }
    return key;
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.all(EmbeddedBackend.SERVICES);
  }

  @Override
  public void reset() throws BackendException {
    for (String account : accounts.keySet()) {
      call(account, "POST", "reset?account=" + account, "", null);
    }
  }

  @Override
  public String snapshot() throws BackendException {
    ObjectNode both = WorkshopStore.JSON.createObjectNode();
    for (String account : accounts.keySet()) {
      String one = call(account, "GET", "snapshot?account=" + account, null, null);
      try {
        both.set(account, WorkshopStore.JSON.readTree(one));
      } catch (IOException e) {
        throw new BackendException("the engine gave an odd snapshot of " + account, e);
      }
    }
    return both.toString();
  }

  @Override
  public void restore(String snapshot) throws BackendException {
    JsonNode both;
    try {
      both = WorkshopStore.JSON.readTree(snapshot);
    } catch (IOException e) {
      throw new BackendException("not a snapshot this backend took", e);
    }
    for (String account : accounts.keySet()) {
      if (!both.has(account)) {
        throw new BackendException("the snapshot has nothing of account " + account);
      }
    }
    for (String account : accounts.keySet()) {
      call(
          account,
          "POST",
          "restore?account=" + account,
          both.get(account).toString(),
          "application/json");
    }
  }

  @Override
  public Instant clockTime() throws BackendException {
    String body = call(first, "GET", "clock?account=" + first, null, null);
    try {
      return Instant.parse(WorkshopStore.JSON.readTree(body).path("now").asText());
    } catch (IOException | java.time.DateTimeException e) {
      throw new BackendException("the engine gave an odd clock: " + body);
    }
  }

  @Override
  public void advanceClock(Duration by) throws BackendException {
    try {
      client.advanceClock(by);
    } catch (IOException | WorkshopException e) {
      throw new BackendException(
          "the workshop server did not move the clock: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendException("interrupted while moving the clock", e);
    }
  }

  private String call(String account, String method, String path, String body, String type)
      throws BackendException {
    ControlClient control = new ControlClient(endpoint, accounts.get(account));
    try {
      return type == null
          ? control.call(method, path, body)
          : control.call(method, path, body, type);
    } catch (IOException e) {
      throw new BackendException(
          "the workshop engine at " + endpoint + " refused " + path + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendException("interrupted while calling the workshop engine", e);
    }
  }

  @Override
  public void close() {
    // the server owns the engine; a learner only lets go
  }
}
