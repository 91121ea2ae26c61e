package dev.iamkata.engine.auth.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The worked example of AWS's "Signature Calculations for the Authorization Header: Transferring
 * Payload in Multiple Chunks" page: 66,560 bytes of {@code a} in 64 KiB chunks.
 */
class ChunkSignaturesTest {
  static final String SEED = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
  static final String[] CHUNKS = {
    "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648",
    "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497",
    "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9"
  };

  static SigV4Auth auth() {
    return new SigV4Auth(
        "AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request",
        "AKIAIOSFODNN7EXAMPLE",
        "20130524",
        "us-east-1",
        "s3",
        "aws4_request",
        List.of("host"),
        SEED,
        Instant.parse("2013-05-24T00:00:00Z"),
        false,
        Optional.empty(),
        Optional.empty());
  }

  static byte[] body(String firstSignature) {
    byte[] data = new byte[66_560];
    Arrays.fill(data, (byte) 'a');
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int[] sizes = {65_536, 1_024, 0};
    int offset = 0;
    for (int i = 0; i < sizes.length; i++) {
      String sig = i == 0 ? firstSignature : CHUNKS[i];
      out.writeBytes(
          (Integer.toHexString(sizes[i]) + ";chunk-signature=" + sig + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(data, offset, sizes[i]);
      offset += sizes[i];
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  static byte[] key() {
    return SigV4.signingKey(
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "20130524", "us-east-1", "s3");
  }

  @Test
  void awsWorkedExampleVerifies() {
    assertEquals(Optional.empty(), ChunkSignatures.verify(body(CHUNKS[0]), auth(), key()));
  }

  @Test
  void aWrongChunkSignatureIsSignatureDoesNotMatch() {
    Optional<SigV4Exception> failure =
        ChunkSignatures.verify(body(CHUNKS[0].replace('a', 'b')), auth(), key());
    assertTrue(failure.isPresent());
    assertEquals("SignatureDoesNotMatch", failure.get().code());
  }
}
