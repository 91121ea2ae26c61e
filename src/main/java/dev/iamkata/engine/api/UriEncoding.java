package dev.iamkata.engine.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Percent-encoding as SigV4 defines it: the RFC 3986 unreserved characters {@code A-Z a-z 0-9 - _ .
 * ~} stay, every other byte becomes {@code %XX} with upper-case hex. Decoding works on bytes so
 * that re-encoding a value a client already encoded reproduces it exactly, even when the bytes are
 * not valid UTF-8.
 */
public final class UriEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UriEncoding() {}

  /** Encodes the UTF-8 bytes of {@code text}; {@code keepSlash} leaves {@code /} as is. */
  public static String encode(String text, boolean keepSlash) {
    return encode(text.getBytes(StandardCharsets.UTF_8), keepSlash);
  }

  public static String encode(byte[] bytes, boolean keepSlash) {
    StringBuilder out = new StringBuilder(bytes.length);
    for (byte b : bytes) {
      char c = (char) (b & 0xFF);
      if (isUnreserved(c) || (keepSlash && c == '/')) {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
    }
    return out.toString();
  }

  /**
   * Decodes {@code %XX} escapes to bytes. A {@code +} stays a plus (this is RFC 3986, not form
   * encoding) and a {@code %} not followed by two hex digits stays a literal percent sign.
   */
  public static byte[] decodeToBytes(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '%' && hexValue(text, i + 1) >= 0 && hexValue(text, i + 2) >= 0) {
        out.write(hexValue(text, i + 1) << 4 | hexValue(text, i + 2));
        i += 3;
      } else {
        int cp = text.codePointAt(i);
        byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(utf8, 0, utf8.length);
        i += Character.charCount(cp);
      }
    }
    return out.toByteArray();
  }

  public static String decode(String text) {
    return new String(decodeToBytes(text), StandardCharsets.UTF_8);
  }

  /** The canonical encoding of a value that may already be (partly) percent-encoded. */
  public static String reencode(String text, boolean keepSlash) {
    return encode(decodeToBytes(text), keepSlash);
  }

  /**
   * Splits a raw query string into undecoded key/value pairs in order. Empty pieces (from {@code
   * &&} or a trailing {@code &}) are skipped; a piece without {@code =} has an empty value.
   */
  public static List<Map.Entry<String, String>> splitQuery(String rawQuery) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    if (rawQuery == null) {
      return pairs;
    }
    for (String piece : rawQuery.split("&")) {
      if (piece.isEmpty()) {
        continue;
      }
      int eq = piece.indexOf('=');
      pairs.add(
          eq < 0
              ? new SimpleImmutableEntry<>(piece, "")
              : new SimpleImmutableEntry<>(piece.substring(0, eq), piece.substring(eq + 1)));
    }
    return pairs;
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.'
        || c == '~';
  }

  /** The value of an ASCII hex digit at {@code index}, or -1 (also past the end). */
  private static int hexValue(String text, int index) {
    if (index >= text.length()) {
      return -1;
    }
    char c = text.charAt(index);
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  }
}
