package dev.iamkata.workshop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workshop's HTTP API and dashboard on the JDK's HTTP server. Learners authenticate with their
 * token, the instructor with theirs ({@code Authorization: Bearer} or {@code ?token=}); request
 * bodies are limited to {@link #MAX_BODY} bytes, each caller to {@link #RATE} requests a second.
 * Logs say who did what, never a token or key.
 */
public final class WorkshopHttp implements AutoCloseable {
  static final int MAX_BODY = 64 * 1024;
  static final double RATE = 50;

  /** The longest an idle client's {@code GET /api/actions?wait=} is held. */
  static final long MAX_WAIT_SECONDS = 30;

  /** Long polls held at once: a room's every client, with room to spare. */
  static final int MAX_WAITERS = 400;

  private static final Pattern LEARNER_ACTION =
      Pattern.compile("/api/learners/(\\d{4})/(reset|pause|resume|step|clock)");

  private final Workshop workshop;
  private final HttpServer server;
  private final ExecutorService executor;
  private final RateLimiter limiter;
  private final AtomicInteger waiters = new AtomicInteger();
  private final byte[] dashboard;

  private WorkshopHttp(Workshop workshop, HttpServer server, ExecutorService executor, Clock clock)
      throws IOException {
    this.workshop = workshop;
    this.server = server;
    this.executor = executor;
    this.limiter = new RateLimiter(RATE, 2 * RATE, clock);
    try (InputStream in = WorkshopHttp.class.getResourceAsStream("dashboard.html")) {
      this.dashboard = in.readAllBytes();
    }
  }

  /** Serves {@code workshop} on {@code bind:port} (0: any free port). */
  public static WorkshopHttp start(Workshop workshop, InetAddress bind, int port, Clock clock)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 128);
    ExecutorService executor =
        new ThreadPoolExecutor(
            16,
            EventHub.MAX_SUBSCRIBERS + MAX_WAITERS + 64,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "workshop-http");
              t.setDaemon(true);
              return t;
            },
            // every thread busy: the server's dispatcher runs the request itself, which holds
            // back new connections until a thread is free rather than dropping this one
            new ThreadPoolExecutor.CallerRunsPolicy());
    server.setExecutor(executor);
    WorkshopHttp http = new WorkshopHttp(workshop, server, executor, clock);
    server.createContext("/", http::serve);
    server.start();
    return http;
  }

  /**
   * The learner's waiting actions; with {@code ?wait=SECONDS} (up to {@link #MAX_WAIT_SECONDS}) a
   * long poll, unless {@link #MAX_WAITERS} clients already wait: that client is answered at once
   * and asks again later, so waiters never take the threads other requests need.
   */
  private List<String> takeActions(LearnerState l, String waitParam)
      throws WorkshopException, InterruptedException {
    long seconds;
    try {
      seconds = waitParam == null ? 0 : Math.max(0, Long.parseLong(waitParam));
    } catch (NumberFormatException e) {
      throw new WorkshopException(400, "wait must be a number of seconds");
    }
    Duration wait = Duration.ofSeconds(Math.min(seconds, MAX_WAIT_SECONDS));
    if (wait.isZero()) {
      return workshop.takeActions(l, Duration.ZERO);
    }
    if (waiters.incrementAndGet() > MAX_WAITERS) {
      wait = Duration.ZERO; // enough polls are held: this one is answered at once
    }
    try {
      return workshop.takeActions(l, wait);
    } finally {
      waiters.decrementAndGet();
    }
  }

  /** How many clients' polls are held now. */
  int waiting() {
    return waiters.get();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void serve(HttpExchange x) {
    try {
      handle(x);
    } finally {
      x.close();
    }
  }

  private void handle(HttpExchange x) {
    try {
      String path = x.getRequestURI().getPath();
      String method = x.getRequestMethod();
      if (!path.startsWith("/api/")) {
        if ("GET".equals(method) && ("/".equals(path) || "/index.html".equals(path))) {
          send(x, 200, "text/html; charset=utf-8", dashboard);
        } else {
          error(x, 404, "not found");
        }
        return;
      }
      Map<String, String> query = query(x.getRequestURI().getRawQuery());
      String token = token(x, query);
      String who = token != null ? token : x.getRemoteAddress().getAddress().getHostAddress();
      if (!limiter.allow(who)) {
        x.getResponseHeaders().set("Retry-After", "1");
        error(x, 429, "too many requests; slow down");
        return;
      }
      byte[] body = body(x);
      if (body == null) {
        error(x, 413, "request body over " + MAX_BODY + " bytes");
        return;
      }
      route(x, method, path, query, token, body);
    } catch (WorkshopException e) {
      error(x, e.status(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error(x, 503, "the server is stopping");
    } catch (IOException | RuntimeException e) {
      error(x, 500, "internal error: " + e.getClass().getSimpleName());
    }
  }

  private void route(
      HttpExchange x,
      String method,
      String path,
      Map<String, String> query,
      String token,
      byte[] body)
      throws IOException, WorkshopException, InterruptedException {
    String route = method + " " + path;
    if ("POST /api/join".equals(route)) {
      JsonNode req = json(body);
      boolean again = req.hasNonNull("token");
      LearnerState l =
          again
              ? workshop.rejoin(
                  req.path("code").asText(null),
                  req.path("name").asText(null),
                  req.path("lesson").asText(null),
                  req.path("token").asText())
              : workshop.join(
                  req.path("code").asText(null),
                  req.path("name").asText(null),
                  req.path("lesson").asText(null));
      boolean resumed = again && Secrets.same(l.token, req.path("token").asText());
      System.out.println(
          (resumed ? "resumed: learner " : "joined: learner ") + l.id + " (" + l.name + ")");
      ObjectNode out = WorkshopStore.JSON.createObjectNode();
      out.put("learner", l.id);
      out.put("token", l.token);
      String host = x.getRequestHeaders().getFirst("Host");
      String hostName = host == null ? "127.0.0.1" : host.replaceFirst(":\\d+$", "");
      out.put("endpoint", "http://" + hostName + ":" + workshop.enginePort());
      out.put("region", "us-east-1");
      out.put("account", l.account);
      out.put("adminKey", l.adminKey);
      out.put("secondAccount", l.secondAccount);
      out.put("secondAdminKey", l.secondAdminKey);
      out.put("lesson", l.lesson);
      out.put("resumed", resumed);
      out.put("step", l.step);
      out.put("finished", l.finished);
      json(x, 200, out);
      return;
    }
    if ("GET /api/actions".equals(route)) {
      LearnerState l = learner(token);
      json(x, 200, Map.of("actions", takeActions(l, query.get("wait"))));
      return;
    }
    if (path.startsWith("/api/events") && "POST".equals(method)) {
      LearnerState l = learner(token);
      List<String> actions = workshop.event(l, json(body));
      ObjectNode out = WorkshopStore.JSON.createObjectNode();
      out.putPOJO("actions", actions);
      json(x, 200, out);
      return;
    }
    LearnerState caller = workshop.learnerByToken(token);
    if ("POST /api/clock".equals(route) && caller != null) {
      String duration = json(body).path("duration").asText("");
      json(x, 200, WorkshopStore.JSON.readTree(workshop.advanceClock(caller.id, duration)));
      return;
    }
    if (!workshop.isInstructor(token)) {
      throw new WorkshopException(401, "this needs the instructor's token");
    }
    instructor(x, route, path, query);
  }

  private void instructor(HttpExchange x, String route, String path, Map<String, String> query)
      throws IOException, WorkshopException, InterruptedException {
    Matcher m = LEARNER_ACTION.matcher(path);
    if (route.startsWith("POST ") && m.matches()) {
      String id = m.group(1);
      if ("clock".equals(m.group(2))) {
        String duration = query.getOrDefault("duration", "");
        json(x, 200, WorkshopStore.JSON.readTree(workshop.advanceClock(id, duration)));
        return;
      }
      switch (m.group(2)) {
        case "reset" -> workshop.resetLearner(id);
        case "step" -> workshop.queue(id, "step:" + step(query));
        default -> workshop.queue(id, m.group(2));
      }
      json(x, 200, Map.of("queued", m.group(2), "learner", id));
      return;
    }
    switch (route) {
      case "GET /api/progress" -> json(x, 200, workshop.progress());
      case "GET /api/events/stream" -> stream(x);
      case "GET /api/grades" -> grades(x, query.getOrDefault("format", "json"));
      case "POST /api/class/step" -> {
        workshop.queueAll("step:" + step(query));
        json(x, 200, Map.of("queued", "step:" + step(query)));
      }
      case "POST /api/clock/advance" ->
          json(
              x,
              200,
              WorkshopStore.JSON.readTree(
                  workshop.advanceClock(query.getOrDefault("duration", ""))));
      default -> error(x, 404, "no route " + route);
    }
  }

  private static int step(Map<String, String> query) throws WorkshopException {
    try {
      int n = Integer.parseInt(query.getOrDefault("step", ""));
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through to the message
    }
    throw new WorkshopException(400, "step must be a step number from 1");
  }

  private void grades(HttpExchange x, String format) throws IOException, WorkshopException {
    List<LearnerState> all = workshop.learners();
    switch (format) {
      case "json" -> send(x, 200, "application/json", bytes(Grades.json(all)));
      case "csv" ->
          send(
              x,
              200,
              "text/csv; charset=utf-8",
              bytes(Grades.csv(all, java.time.Instant.now(Clock.systemUTC()))));
      case "junit" -> send(x, 200, "application/xml", bytes(Grades.junit(all, workshop.name())));
      default -> throw new WorkshopException(400, "format must be csv, json or junit");
    }
  }

  /** Server-Sent Events: every learner's row now, then each change, with a keep-alive. */
  private void stream(HttpExchange x) throws IOException, InterruptedException {
    BlockingQueue<String> queue = workshop.hub().subscribe();
    if (queue == null) {
      error(x, 503, "too many dashboards open");
      return;
    }
    try {
      x.getResponseHeaders().set("Content-Type", "text/event-stream");
      x.getResponseHeaders().set("Cache-Control", "no-store");
      x.sendResponseHeaders(200, 0);
      OutputStream out = x.getResponseBody();
      for (ObjectNode row : workshop.progress()) {
        out.write(bytes("data: " + row + "\n\n"));
      }
      out.flush();
      while (true) {
        String next = queue.poll(15, TimeUnit.SECONDS);
        out.write(bytes(next == null ? ": keep-alive\n\n" : "data: " + next + "\n\n"));
        out.flush();
      }
    } catch (IOException e) {
      // the dashboard went away
    } finally {
      workshop.hub().unsubscribe(queue);
    }
  }

  private LearnerState learner(String token) throws WorkshopException {
    LearnerState l = workshop.learnerByToken(token);
    if (l == null) {
      throw new WorkshopException(401, "this needs a learner's token (kata join gives one)");
    }
    return l;
  }

  private static String token(HttpExchange x, Map<String, String> query) {
    String auth = x.getRequestHeaders().getFirst("Authorization");
    if (auth != null && auth.startsWith("Bearer ")) {
      return auth.substring("Bearer ".length()).trim();
    }
    return query.get("token");
  }

  /** The body, or null when it is over {@link #MAX_BODY}. */
  private static byte[] body(HttpExchange x) throws IOException {
    try (InputStream in = x.getRequestBody()) {
      byte[] read = in.readNBytes(MAX_BODY + 1);
      return read.length > MAX_BODY ? null : read;
    }
  }

  private static JsonNode json(byte[] body) throws WorkshopException {
    try {
      JsonNode node = WorkshopStore.JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw new WorkshopException(400, "the body must be a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new WorkshopException(400, "the body is not JSON");
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static void json(HttpExchange x, int status, Object body) throws IOException {
    send(x, status, "application/json", WorkshopStore.JSON.writeValueAsBytes(body));
  }

  private static void error(HttpExchange x, int status, String message) {
    try {
      json(x, status, Map.of("error", message));
    } catch (IOException e) {
      // the client went away before the error could be sent
    }
  }

  private static void send(HttpExchange x, int status, String type, byte[] body)
      throws IOException {
    x.getResponseHeaders().set("Content-Type", type);
    x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      x.getResponseBody().write(body);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
