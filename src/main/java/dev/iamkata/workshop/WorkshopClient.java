package dev.iamkata.workshop;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A learner's side of the workshop API: join, report progress, ask for the clock to move. */
public final class WorkshopClient {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Tries of a request the server keeps refusing with 429, the first included. */
  static final int MAX_ATTEMPTS = 8;

  private final URI server;
  private volatile String token;

  /**
   * @param hostPort {@code HOST:PORT} as the instructor shows it
   */
  public WorkshopClient(String hostPort) {
    if (!hostPort.matches("[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}")) {
      throw new IllegalArgumentException(
          "expected HOST:PORT, e.g. 127.0.0.1:7070; got " + hostPort);
    }
    this.server = URI.create("http://" + hostPort);
  }

  /** What joining gave: the learner's accounts, keys, endpoint and token. */
  public record Joined(
      String learner,
      String token,
      String endpoint,
      String region,
      String account,
      String adminKey,
      String secondAccount,
      String secondAdminKey,
      String lesson) {}

  /** What joining again with an earlier token gave: the same learner, and how far they got. */
  public record Rejoined(Joined joined, boolean resumed, int step, boolean finished) {}

  public Joined join(String code, String name, String lesson)
      throws IOException, InterruptedException, WorkshopException {
    return join(code, name, lesson, null).joined();
  }

  /**
   * Joins, or with the token of an earlier join under the same name, resumes that learner (the
   * server refuses a taken name with any other token).
   *
   * @param earlierToken the token this machine kept from an earlier join, or null
   */
  public Rejoined join(String code, String name, String lesson, String earlierToken)
      throws IOException, InterruptedException, WorkshopException {
    ObjectNode body = WorkshopStore.JSON.createObjectNode();
    body.put("code", code);
    body.put("name", name);
    if (lesson != null) {
      body.put("lesson", lesson);
    }
    if (earlierToken != null) {
      body.put("token", earlierToken);
    }
    JsonNode r = post("/api/join", body);
    Joined joined =
        WorkshopStore.JSON
            .readerFor(Joined.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .readValue(r);
    token = joined.token();
    return new Rejoined(
        joined,
        r.path("resumed").asBoolean(),
        r.path("step").asInt(),
        r.path("finished").asBoolean());
  }

  /**
   * Takes the instructor's actions the server holds for this learner ({@code GET /api/actions}).
   */
  public List<String> actions() throws IOException, InterruptedException, WorkshopException {
    return actions(Duration.ZERO);
  }

  /**
   * Like {@link #actions()}, but with none waiting the server holds the request up to {@code wait}
   * for one (a long poll: how an idle client hears of an action at once).
   */
  public List<String> actions(Duration wait)
      throws IOException, InterruptedException, WorkshopException {
    String path = wait.isZero() ? "/api/actions" : "/api/actions?wait=" + wait.toSeconds();
    JsonNode r = send(base(path, wait.plusSeconds(30)).GET());
    List<String> actions = new ArrayList<>();
    r.path("actions").forEach(a -> actions.add(a.asText()));
    return actions;
  }

  /** Uses the token of an earlier join. */
  public void use(String learnerToken) {
    this.token = learnerToken;
  }

  /** Sends one progress event; returns the instructor's actions waiting for this learner. */
  public List<String> event(ObjectNode event)
      throws IOException, InterruptedException, WorkshopException {
    JsonNode r = post("/api/events", event);
    List<String> actions = new ArrayList<>();
    r.path("actions").forEach(a -> actions.add(a.asText()));
    return actions;
  }

  /** Asks the server to move the workshop's clock (shared by the whole workshop). */
  public JsonNode advanceClock(Duration by)
      throws IOException, InterruptedException, WorkshopException {
    ObjectNode body = WorkshopStore.JSON.createObjectNode();
    body.put("duration", Math.max(1, by.toSeconds()) + "s");
    return post("/api/clock", body);
  }

  private JsonNode post(String path, ObjectNode body)
      throws IOException, InterruptedException, WorkshopException {
    return send(
        base(path)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    WorkshopStore.JSON.writeValueAsBytes(body))));
  }

  private HttpRequest.Builder base(String path) {
    return base(path, Duration.ofSeconds(30));
  }

  private HttpRequest.Builder base(String path, Duration timeout) {
    HttpRequest.Builder req = HttpRequest.newBuilder(server.resolve(path)).timeout(timeout);
    if (token != null) {
      req.header("Authorization", "Bearer " + token);
    }
    return req;
  }

  /**
   * Sends, again after the server's {@code Retry-After} when it answers 429: a room behind one NAT
   * address shares the join rate limit, and a learner should not see that.
   */
  private JsonNode send(HttpRequest.Builder builder)
      throws IOException, InterruptedException, WorkshopException {
    HttpRequest req = builder.build();
    HttpResponse<byte[]> r = HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
    for (int attempt = 1; r.statusCode() == 429 && attempt < MAX_ATTEMPTS; attempt++) {
      Thread.sleep(retryAfter(r).toMillis());
      r = HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
    }
    JsonNode json = WorkshopStore.JSON.readTree(r.body());
    if (r.statusCode() >= 300) {
      throw new WorkshopException(
          r.statusCode(), json == null ? "status " + r.statusCode() : json.path("error").asText());
    }
    return json;
  }

  /** The server's {@code Retry-After} in seconds, at most 5; 1 without a readable one. */
  static Duration retryAfter(HttpResponse<?> r) {
    long seconds;
    try {
      seconds = Long.parseLong(r.headers().firstValue("Retry-After").orElse("1").trim());
    } catch (NumberFormatException e) {
      seconds = 1;
    }
    return Duration.ofSeconds(Math.max(0, Math.min(5, seconds)));
  }
}
