package dev.iamkata.cli;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The address {@code kata serve} prints for learners: the one it listens on, except that a wildcard
 * ({@code 0.0.0.0}, {@code ::}) is not an address anyone can connect to, so the machine's first
 * non-loopback address (IPv4 preferred) is shown instead.
 */
final class ServeAddress {
  private ServeAddress() {}

  /** The warning for a non-loopback bind, or null for loopback. */
  static String warning(InetAddress bind) {
    if (bind.isLoopbackAddress()) {
      return null;
    }
    return "WARNING: listening on "
        + bind.getHostAddress()
        + ": anyone who can reach this address and has the join code gets an AWS sandbox;"
        + " use it on a trusted network only";
  }

  /** {@code HOST} as learners should type it in {@code HOST:PORT} (IPv6 in brackets). */
  static String advertised(InetAddress bind, List<InetAddress> local) {
    InetAddress shown = bind;
    if (bind.isAnyLocalAddress()) {
      shown = pick(local);
    }
    String host = shown.getHostAddress();
    int zone = host.indexOf('%');
    if (zone >= 0) {
      host = host.substring(0, zone);
    }
    return shown instanceof Inet6Address ? "[" + host + "]" : host;
  }

  /** The machine's addresses on interfaces that are up, loopback ones included. */
  static List<InetAddress> localAddresses() {
    List<InetAddress> out = new ArrayList<>();
    try {
      for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (n.isUp()) {
          out.addAll(Collections.list(n.getInetAddresses()));
        }
      }
    } catch (SocketException e) {
      // no interface list: the loopback fallback below still gives a working address
    }
    return out;
  }

  private static InetAddress pick(List<InetAddress> local) {
    InetAddress v6 = null;
    for (InetAddress a : local) {
      if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()) {
        continue;
      }
      if (a instanceof Inet4Address) {
        return a;
      }
      if (v6 == null) {
        v6 = a;
      }
    }
    return v6 != null ? v6 : InetAddress.getLoopbackAddress();
  }
}
