package dev.iamkata.engine.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Verifies the signatures of an aws-chunked body sent with {@code x-amz-content-sha256:
 * STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]}: each chunk's signature chains from the previous
 * one, starting at the request's seed signature, over {@code AWS4-HMAC-SHA256-PAYLOAD}, the date,
 * the scope, the previous signature, the hash of the empty string and the chunk's hash; a trailer
 * is signed over {@code AWS4-HMAC-SHA256-TRAILER} and the hash of its header lines.
 */
public final class ChunkSignatures {
  private static final String EMPTY_HASH = SignedRequest.sha256Hex(new byte[0]);

  private ChunkSignatures() {}

  /** Whether {@code contentSha256} announces signed chunks. */
  public static boolean signedChunks(String contentSha256) {
    return contentSha256 != null && contentSha256.startsWith("STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
  }

  /** The failure AWS answers with, or empty when every chunk (and the trailer) is signed right. */
  public static Optional<SigV4Exception> verify(byte[] body, SigV4Auth auth, byte[] signingKey) {
    String previous = auth.signature();
    int pos = 0;
    while (true) {
      int eol = lineEnd(body, pos);
      if (eol < 0) {
        return mismatch();
      }
      String header = new String(body, pos, eol - pos, StandardCharsets.US_ASCII);
      int semi = header.indexOf(';');
      String marker = "chunk-signature=";
      if (semi < 0 || !header.startsWith(marker, semi + 1)) {
        return mismatch();
      }
      int size;
      try {
        size = Integer.parseInt(header.substring(0, semi).trim(), 16);
      } catch (NumberFormatException e) {
        return mismatch();
      }
      String given = header.substring(semi + 1 + marker.length()).trim();
      pos = eol + 2;
      if (size < 0 || pos + size > body.length) {
        return mismatch();
      }
      String chunkHash = sha256Hex(body, pos, size);
      String expected =
          SigV4.signature(
              signingKey,
              "AWS4-HMAC-SHA256-PAYLOAD\n"
                  + auth.amzDate()
                  + "\n"
                  + auth.scope()
                  + "\n"
                  + previous
                  + "\n"
                  + EMPTY_HASH
                  + "\n"
                  + chunkHash);
      if (!equal(expected, given)) {
        return mismatch();
      }
      previous = expected;
      if (size == 0) {
        return verifyTrailer(body, pos, previous, auth, signingKey);
      }
      pos += size + 2;
    }
  }

  private static Optional<SigV4Exception> verifyTrailer(
      byte[] body, int pos, String previous, SigV4Auth auth, byte[] signingKey) {
    StringBuilder trailers = new StringBuilder();
    String given = null;
    while (pos < body.length) {
      int eol = lineEnd(body, pos);
      if (eol < 0 || eol == pos) {
        break;
      }
      String line = new String(body, pos, eol - pos, StandardCharsets.UTF_8);
      pos = eol + 2;
      int colon = line.indexOf(':');
      if (colon < 0) {
        return mismatch();
      }
      String name = line.substring(0, colon).trim();
      if (name.equalsIgnoreCase("x-amz-trailer-signature")) {
        given = line.substring(colon + 1).trim();
      } else {
        trailers.append(name).append(':').append(line.substring(colon + 1).trim()).append('\n');
      }
    }
    if (given == null) {
      return trailers.length() == 0 ? Optional.empty() : mismatch();
    }
    String expected =
        SigV4.signature(
            signingKey,
            "AWS4-HMAC-SHA256-TRAILER\n"
                + auth.amzDate()
                + "\n"
                + auth.scope()
                + "\n"
                + previous
                + "\n"
                + SignedRequest.sha256Hex(trailers.toString()));
    return equal(expected, given) ? Optional.empty() : mismatch();
  }

  private static Optional<SigV4Exception> mismatch() {
    return Optional.of(SigV4Exception.signatureDoesNotMatch(Verification.S3_MISMATCH_MESSAGE));
  }

  private static boolean equal(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  private static int lineEnd(byte[] body, int from) {
    for (int i = from; i + 1 < body.length; i++) {
      if (body[i] == '\r' && body[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static String sha256Hex(byte[] data, int offset, int length) {
    return java.util.HexFormat.of().formatHex(Digests.sha256(data, offset, length));
  }
}
