package dev.iamkata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iamkata.workshop.WorkshopClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kata serve --bind 0.0.0.0} (the packaged jar): a warning, and dashboard and join lines
 * with an address of this machine that learners can reach, not the wildcard or loopback.
 */
@Tag("slow")
class ServeBindIT {
  private static final Pattern DASHBOARD =
      Pattern.compile("instructor dashboard: http://([^/]+):(\\d+)/\\?token=(\\w+)");
  private static final Pattern CODE = Pattern.compile("join code: (\\w+)");
  @TempDir Path dir;

  @Test
  void aWildcardBindWarnsAndShowsAReachableAddress() throws Exception {
    assumeTrue(
        ServeAddress.localAddresses().stream()
            .anyMatch(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress()),
        "this machine has no non-loopback address to show");
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            "target/iam-kata.jar",
            "serve",
            "--bind",
            "0.0.0.0",
            "--port",
            "0",
            "--db",
            dir.resolve("room.db").toString());
    pb.environment().put("IAM_KATA_HOME", dir.toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      List<String> seen = new ArrayList<>();
      String host = null;
      String port = null;
      String code = null;
      while (code == null) {
        String line = out.readLine();
        assertTrue(line != null, "kata serve ended: " + seen);
        seen.add(line);
        Matcher d = DASHBOARD.matcher(line);
        if (d.find()) {
          host = d.group(1);
          port = d.group(2);
        }
        Matcher c = CODE.matcher(line);
        if (c.find()) {
          code = c.group(1);
        }
      }
      assertTrue(
          seen.stream().anyMatch(l -> l.startsWith("WARNING: listening on 0.0.0.0")),
          String.join("\n", seen));
      InetAddress shown = InetAddress.getByName(host.replaceAll("[\\[\\]]", ""));
      assertTrue(!shown.isLoopbackAddress() && !shown.isAnyLocalAddress(), "shown address " + host);
      assertTrue(ServeAddress.localAddresses().contains(shown), host + " is this machine's");
      String engine = host;
      assertTrue(
          seen.stream().anyMatch(l -> l.startsWith("engine: http://" + engine + ":")),
          String.join("\n", seen));

      HttpResponse<String> page =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      WorkshopClient.Joined joined =
          new WorkshopClient(host + ":" + port).join(code, "alice", null);
      assertTrue(
          joined.endpoint().startsWith("http://" + host + ":"),
          "the learner's engine endpoint uses the same address: " + joined.endpoint());
    } finally {
      p.destroy();
      p.waitFor(20, TimeUnit.SECONDS);
    }
  }
}
