package dev.iamkata.engine.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 CIDR block, as IpAddress conditions use them. A bare address is a block of one.
 * Text is parsed without name resolution: anything that is not an address literal is rejected.
 */
final class IpRange {
  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
  // InetAddress treats text as a literal only when it starts with a hex digit or ':'; anything
  // else would be resolved as a host name, so such text is refused before it gets there
  private static final Pattern IPV6 = Pattern.compile("(?=[^:]*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");

  private final byte[] network;
  private final int prefix;

  private IpRange(byte[] network, int prefix) {
    this.network = network;
    this.prefix = prefix;
  }

  static Optional<IpRange> parse(String cidr) {
    int slash = cidr.indexOf('/');
    String address = slash < 0 ? cidr : cidr.substring(0, slash);
    return address(address)
        .flatMap(
            bytes -> {
              int bits = bytes.length * 8;
              if (slash < 0) {
                return Optional.of(new IpRange(bytes, bits));
              }
              String length = cidr.substring(slash + 1);
              if (!length.matches("[0-9]{1,3}") || Integer.parseInt(length) > bits) {
                return Optional.empty();
              }
              return Optional.of(new IpRange(bytes, Integer.parseInt(length)));
            });
  }

  boolean contains(String text) {
    return address(text).filter(this::covers).isPresent();
  }

  private boolean covers(byte[] address) {
    if (address.length != network.length) {
      return false;
    }
    for (int bit = 0; bit < prefix; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  private static Optional<byte[]> address(String text) {
    if (IPV4.matcher(text).matches()) {
      String[] octets = text.split("\\.");
      byte[] bytes = new byte[4];
      for (int i = 0; i < 4; i++) {
        int octet = Integer.parseInt(octets[i]);
        if (octet > 255) {
          return Optional.empty();
        }
        bytes[i] = (byte) octet;
      }
      return Optional.of(bytes);
    }
    if (IPV6.matcher(text).matches()) {
      try {
        // A literal containing ':' is parsed, never looked up. Mapped IPv4 comes back as IPv4.
        return Optional.of(InetAddress.getByName(text).getAddress());
      } catch (UnknownHostException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
