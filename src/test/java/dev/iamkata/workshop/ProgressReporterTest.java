package dev.iamkata.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
  @Test
  void anUnreachableServerGivesNoActionsAndOneWarning() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ProgressReporter r =
        new ProgressReporter(
            new WorkshopClient("127.0.0.1:" + port),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, r.takeActions().size());
    assertEquals(0, r.takeActions().size());
    String said = err.toString(StandardCharsets.UTF_8);
    assertTrue(said.startsWith("kata join: could not reach the workshop"), said);
    assertEquals(1, said.lines().count(), said);
  }
}
