package dev.iamkata.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamkata.engine.AccessKeyPair;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reset, snapshot, restore and the clock of an iam-kata engine through its control API, for the
 * embedded backend and for an external endpoint that turns out to be an engine. Failures become
 * {@link BackendException}s that say what was asked and what the engine answered.
 */
final class EngineControl {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ControlClient client;
  private final URI endpoint;

  EngineControl(URI endpoint, AccessKeyPair admin) {
    this.endpoint = endpoint;
    this.client = new ControlClient(endpoint, admin);
  }

  void reset() throws BackendException {
    call("reset", "POST", "reset", null, null);
  }

  String snapshot() throws BackendException {
    return call("snapshot", "GET", "snapshot", null, null);
  }

  void restore(String snapshot) throws BackendException {
    if (snapshot == null || snapshot.isBlank()) {
      throw new BackendException("restore needs a snapshot this backend took, got nothing");
    }
    call("restore", "POST", "restore", snapshot, "application/json");
  }

  Instant clockTime() throws BackendException {
    return parseNow(call("read the clock", "GET", "clock", null, null));
  }

  Instant advance(Duration by) throws BackendException {
    if (by.isNegative() || by.isZero()) {
      throw new BackendException("the clock only moves forward, got " + by);
    }
    String form = "duration=" + Math.max(1, by.toSeconds()) + "s";
    return parseNow(call("advance the clock", "POST", "clock/advance", form, null));
  }

  /** Each account of the engine and its admin key, in the engine's order. */
  Map<String, AccessKeyPair> accounts() throws BackendException {
    String body = call("list the accounts", "GET", "accounts", null, null);
    Map<String, AccessKeyPair> out = new LinkedHashMap<>();
    try {
      for (JsonNode a : JSON.readTree(body)) {
        out.put(a.path("account").asText(), AccessKeyPair.parse(a.path("adminKey").asText()));
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new BackendException("the engine at " + endpoint + " listed accounts oddly: " + body);
    }
    return out;
  }

  private Instant parseNow(String body) throws BackendException {
    try {
      return Instant.parse(JSON.readTree(body).path("now").asText());
    } catch (IOException | java.time.DateTimeException e) {
      throw new BackendException("the engine at " + endpoint + " gave an odd clock: " + body);
    }
  }

  private String call(String what, String method, String path, String body, String type)
      throws BackendException {
    try {
      return type == null ? client.call(method, path, body) : client.call(method, path, body, type);
    } catch (IOException e) {
      throw new BackendException(
          "could not " + what + " of the engine at " + endpoint + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendException("interrupted while asking the engine to " + what, e);
    }
  }
}
