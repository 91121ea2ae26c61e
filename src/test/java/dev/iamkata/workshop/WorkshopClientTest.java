package dev.iamkata.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's handling of the server's answers, against a scripted HTTP server. */
class WorkshopClientTest {
  private HttpServer server;
  private final AtomicInteger calls = new AtomicInteger();
  private volatile int refusals;
  private volatile String retryAfter = "1";

  @BeforeEach
  void serve() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/actions",
        x -> {
          boolean refuse = calls.incrementAndGet() <= refusals;
          byte[] body =
              (refuse
                      ? "{\"error\":\"too many requests; slow down\"}"
                      : "{\"actions\":[\"pause\"]}")
                  .getBytes(StandardCharsets.UTF_8);
          if (refuse) {
            x.getResponseHeaders().set("Retry-After", retryAfter);
          }
          x.sendResponseHeaders(refuse ? 429 : 200, body.length);
          x.getResponseBody().write(body);
          x.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private WorkshopClient client() {
    return new WorkshopClient("127.0.0.1:" + server.getAddress().getPort());
  }

  @Test
  void a429IsTriedAgainAfterRetryAfter() throws Exception {
    refusals = 2;
    assertEquals(List.of("pause"), client().actions());
    assertEquals(3, calls.get());
  }

  @Test
  void aServerThatKeepsRefusingIsReportedWithItsMessage() {
    refusals = Integer.MAX_VALUE;
    retryAfter = "0";
    WorkshopException e = assertThrows(WorkshopException.class, () -> client().actions());
    assertEquals(429, e.status());
    assertEquals("too many requests; slow down", e.getMessage());
    assertEquals(WorkshopClient.MAX_ATTEMPTS, calls.get());
  }
}
