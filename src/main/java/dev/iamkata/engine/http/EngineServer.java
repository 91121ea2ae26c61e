package dev.iamkata.engine.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The engine's HTTP front: the JDK's built-in server on 127.0.0.1, a bounded body size, and one
 * function that turns an {@link HttpRequest} into an {@link HttpResponse}. Everything AWS-shaped
 * happens behind that function.
 */
public final class EngineServer implements AutoCloseable {
  /** Larger bodies are refused and never kept: no IAM or STS request comes near this. */
  public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  /**
   * How much of a refused body is still read so the client gets to see the 413: the JDK server
   * closes a connection whose body is left unread, and a client still uploading then sees a reset.
   */
  private static final long MAX_DRAIN_BYTES = 4L * MAX_BODY_BYTES;

  private final HttpServer server;
  private final ExecutorService executor;

  private EngineServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Binds to {@code 127.0.0.1:port} (0 picks a free port) and starts serving. */
  public static EngineServer start(int port, Function<HttpRequest, HttpResponse> handler)
      throws IOException {
    return start(InetAddress.getLoopbackAddress(), port, handler);
  }

  /** Binds to {@code address:port}; only a workshop server asks for other than loopback. */
  public static EngineServer start(
      InetAddress address, int port, Function<HttpRequest, HttpResponse> handler)
      throws IOException {
    // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm
    // and the client's delayed ACK add ~40 ms to every response.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    // The JDK server closes idle keep-alive connections beyond 200 (its default); a workshop's
    // 200 learners keep several each, and a client that reuses one the server closed gets no
    // response. Read once per JVM, so set before the first server starts (the engine's).
    System.setProperty("sun.net.httpserver.maxIdleConnections", "4096");
    HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 256);
    ExecutorService executor =
        Executors.newFixedThreadPool(
            Integer.getInteger("iamkata.engine.threads", 64),
            r -> {
              Thread t = new Thread(r, "engine-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", exchange -> serve(exchange, handler));
    server.start();
    return new EngineServer(server, executor);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void serve(HttpExchange exchange, Function<HttpRequest, HttpResponse> handler)
      throws IOException {
    try (exchange) {
      HttpResponse response;
      byte[] body = readBody(exchange);
      if (body == null) {
        response = HttpResponse.of(413, "text/plain", "Request body too large");
      } else {
        response = handler.apply(toRequest(exchange, body));
      }
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      int length = response.body().length;
      exchange.sendResponseHeaders(response.status(), head || length == 0 ? -1 : length);
      if (!head && length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(response.body());
        }
      }
    }
  }

  private static HttpRequest toRequest(HttpExchange exchange, byte[] body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    return new HttpRequest(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(),
        headers,
        body,
        exchange.getRemoteAddress().getAddress().getHostAddress());
  }

  /**
   * The whole body, or null when it is larger than {@link #MAX_BODY_BYTES}. A fixed-length body is
   * read into an array of exactly its Content-Length; only a chunked one (no length up front) is
   * read through growing buffers.
   */
  private static byte[] readBody(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    long length = contentLength(exchange);
    if (length < 0) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length <= MAX_BODY_BYTES) {
        return body;
      }
      discard(in, MAX_DRAIN_BYTES - body.length);
      return null;
    }
    if (length > MAX_BODY_BYTES) {
      discard(in, Math.min(length, MAX_DRAIN_BYTES));
      return null;
    }
    byte[] body = new byte[(int) length];
    int read = in.readNBytes(body, 0, body.length);
    return read == body.length ? body : Arrays.copyOf(body, read);
  }

  private static void discard(InputStream in, long bytes) throws IOException {
    byte[] sink = new byte[64 * 1024];
    for (long left = bytes; left > 0; ) {
      int n = in.read(sink, 0, (int) Math.min(sink.length, left));
      if (n < 0) {
        return;
      }
      left -= n;
    }
  }

  /** The declared body length, or -1 when the body is chunked or its length is unreadable. */
  private static long contentLength(HttpExchange exchange) {
    if (exchange.getRequestHeaders().containsKey("Transfer-Encoding")) {
      return -1;
    }
    String value = exchange.getRequestHeaders().getFirst("Content-Length");
    if (value == null) {
      return 0; // HTTP/1.1: a request with neither header has no body (RFC 9112 6.3)
    }
    try {
      long length = Long.parseLong(value.trim());
      return length < 0 ? -1 : length;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
