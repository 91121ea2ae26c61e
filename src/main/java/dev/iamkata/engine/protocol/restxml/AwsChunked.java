package dev.iamkata.engine.protocol.restxml;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the {@code aws-chunked} bodies the CLI and SDKs stream objects in ({@code
 * x-amz-content-sha256: STREAMING-…}): chunks of {@code HEXSIZE[;chunk-signature=SIG]\r\nDATA\r\n}
 * ending with a zero-size chunk and optional trailers such as {@code x-amz-checksum-crc32}.
 */
public final class AwsChunked {
  private AwsChunked() {}

  /** Whether {@code contentSha256} announces a chunked streaming body. */
  public static boolean isStreaming(String contentSha256) {
    return contentSha256 != null && contentSha256.startsWith("STREAMING-");
  }

  /** The object bytes carried by a chunked body. */
  public static byte[] decode(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
    int pos = 0;
    while (true) {
      int eol = lineEnd(body, pos);
      String header = new String(body, pos, eol - pos, StandardCharsets.US_ASCII);
      int semi = header.indexOf(';');
      String hex = (semi < 0 ? header : header.substring(0, semi)).trim();
      int size;
      try {
        size = Integer.parseInt(hex, 16);
      } catch (NumberFormatException e) {
        throw malformed();
      }
      pos = eol + 2;
      if (size == 0) {
        return out.toByteArray();
      }
      if (pos + size > body.length) {
        throw malformed();
      }
      out.write(body, pos, size);
      pos += size + 2;
    }
  }

  private static int lineEnd(byte[] body, int from) {
    for (int i = from; i + 1 < body.length; i++) {
      if (body[i] == '\r' && body[i + 1] == '\n') {
        return i;
      }
    }
    throw malformed();
  }

  private static AwsException malformed() {
    return new AwsException(
        AwsError.INVALID_REQUEST, "The aws-chunked encoded body of the request is malformed.");
  }
}
