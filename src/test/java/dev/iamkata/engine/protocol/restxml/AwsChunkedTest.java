package dev.iamkata.engine.protocol.restxml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.api.AwsException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AwsChunkedTest {
  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void unsignedChunksWithTrailer() {
    String body = "5\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n";
    assertArrayEquals(bytes("hello world"), AwsChunked.decode(bytes(body)));
  }

  @Test
  void signedChunks() {
    String sig = "chunk-signature=" + "a".repeat(64);
    String body = "b;" + sig + "\r\nhello world\r\n0;" + sig + "\r\n\r\n";
    assertArrayEquals(bytes("hello world"), AwsChunked.decode(bytes(body)));
  }

  @Test
  void binaryDataMayContainLineBreaks() {
    byte[] data = {'\r', '\n', 0, (byte) 0xff, '\r', '\n'};
    byte[] head = bytes("6\r\n");
    byte[] tail = bytes("\r\n0\r\n\r\n");
    byte[] body = new byte[head.length + data.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(data, 0, body, head.length, data.length);
    System.arraycopy(tail, 0, body, head.length + data.length, tail.length);
    assertArrayEquals(data, AwsChunked.decode(body));
  }

  @Test
  void truncatedOrGarbledBodiesAreRefused() {
    AwsException short1 =
        assertThrows(AwsException.class, () -> AwsChunked.decode(bytes("10\r\nabc")));
    assertEquals("InvalidRequest", short1.error().code());
    assertThrows(AwsException.class, () -> AwsChunked.decode(bytes("zz\r\nabc\r\n")));
  }

  @Test
  void onlyStreamingHashesAreChunked() {
    assertTrue(AwsChunked.isStreaming("STREAMING-UNSIGNED-PAYLOAD-TRAILER"));
    assertTrue(AwsChunked.isStreaming("STREAMING-AWS4-HMAC-SHA256-PAYLOAD"));
    assertFalse(AwsChunked.isStreaming("UNSIGNED-PAYLOAD"));
    assertFalse(AwsChunked.isStreaming(null));
  }
}
