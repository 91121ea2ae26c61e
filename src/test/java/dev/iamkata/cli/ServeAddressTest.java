package dev.iamkata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServeAddressTest {
  private static InetAddress ip(String s) throws Exception {
    return InetAddress.getByName(s);
  }

  @Test
  void loopbackIsShownAsIsWithoutWarning() throws Exception {
    assertEquals("127.0.0.1", ServeAddress.advertised(ip("127.0.0.1"), List.of(ip("10.1.2.3"))));
    assertNull(ServeAddress.warning(ip("127.0.0.1")));
    assertNull(ServeAddress.warning(ip("::1")));
  }

  @Test
  void wildcardShowsTheMachinesNonLoopbackAddressPreferringIpv4() throws Exception {
    List<InetAddress> local =
        List.of(ip("127.0.0.1"), ip("::1"), ip("fe80::1"), ip("2001:db8::5"), ip("192.0.2.7"));
    assertEquals("192.0.2.7", ServeAddress.advertised(ip("0.0.0.0"), local));
    assertEquals("192.0.2.7", ServeAddress.advertised(ip("::"), local));
    assertEquals(
        "[2001:db8:0:0:0:0:0:5]",
        ServeAddress.advertised(ip("0.0.0.0"), List.of(ip("::1"), ip("2001:db8::5"))));
  }

  @Test
  void wildcardOnAMachineWithOnlyLoopbackFallsBackToLoopback() throws Exception {
    assertEquals("127.0.0.1", ServeAddress.advertised(ip("0.0.0.0"), List.of(ip("127.0.0.1"))));
  }

  @Test
  void aSpecificAddressIsShownAndWarnedAbout() throws Exception {
    assertEquals("192.0.2.9", ServeAddress.advertised(ip("192.0.2.9"), List.of()));
    String w = ServeAddress.warning(ip("0.0.0.0"));
    assertTrue(w.startsWith("WARNING: listening on 0.0.0.0"), w);
    assertTrue(w.contains("trusted network"), w);
  }
}
