package dev.iamkata.engine.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request exactly as it arrived, reduced to what Signature Version 4 covers. The path and
 * query stay as sent (still percent-encoded) because the canonical request is built from the wire
 * form, not from decoded values.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param rawPath the request path as sent, still percent-encoded
 * @param rawQuery the query string as sent without the {@code ?}, or {@code null} when absent
 * @param headers every header, names lower-cased, values in arrival order
 * @param payloadSha256 lower-case hex SHA-256 of the body; for S3 the caller may pass the {@code
 *     x-amz-content-sha256} value (e.g. {@code UNSIGNED-PAYLOAD}) instead
 */
public record SignedRequest(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> headers,
    String payloadSha256) {

  /** Copies the headers into an immutable map keyed by lower-cased name, merging duplicates. */
  public SignedRequest {
    TreeMap<String, List<String>> lowered = new TreeMap<>();
    headers.forEach(
        (name, values) ->
            lowered
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .addAll(values));
    lowered.replaceAll((name, values) -> List.copyOf(values));
    headers = Collections.unmodifiableMap(lowered);
  }

  /** The first value of a header, by case-insensitive name. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Lower-case hex SHA-256 of {@code bytes}, the form SigV4 uses for payload hashes. */
  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(Digests.sha256(bytes, 0, bytes.length));
  }

  /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
  public static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }
}
