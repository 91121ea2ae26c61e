package dev.iamkata.engine.auth.sigv4;

import dev.iamkata.engine.api.UriEncoding;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pure building blocks of AWS Signature Version 4: canonical request, string to sign, signing
 * key and signature. Nothing here reads a clock or looks up a key; {@link SigV4Verifier} puts the
 * pieces together.
 */
public final class SigV4 {
  /** The only algorithm SigV4 defines. */
  public static final String ALGORITHM = "AWS4-HMAC-SHA256";

  /** The fixed last element of every credential scope. */
  public static final String TERMINATOR = "aws4_request";

  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final String SIGNATURE_PARAM = "X-Amz-Signature";

  private SigV4() {}

  /**
   * The canonical URI of a path as sent.
   *
   * <p>For every service but S3 the path is normalised the way the SDKs do it (empty segments and
   * {@code .} dropped, {@code ..} pops a segment, a trailing slash kept) and then URI-encoded
   * again, slashes kept. The SDKs sign that double encoding of the wire path ({@code %3A} on the
   * wire becomes {@code %253A}), so the server must too.
   *
   * <p>S3 signs the path as sent, encoded once and not normalised. Each segment is decoded and
   * re-encoded so that a path from a compliant client comes out unchanged while unencoded
   * characters (a space, UTF-8) still get their canonical escapes.
   */
  public static String canonicalUri(String rawPath, boolean s3) {
    String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    if (!s3) {
      return UriEncoding.encode(removeDotSegments(path), true);
    }
    String[] segments = path.split("/", -1);
    List<String> encoded = new ArrayList<>(segments.length);
    for (String segment : segments) {
      encoded.add(UriEncoding.reencode(segment, false));
    }
    return String.join("/", encoded);
  }

  /**
   * The canonical query string: every key and value decoded and re-encoded with only the unreserved
   * characters left bare, sorted by key then value; a key without {@code =} gets an empty value. A
   * presigned request leaves out its own {@code X-Amz-Signature}.
   */
  public static String canonicalQuery(String rawQuery, boolean presigned) {
    List<String[]> pairs = new ArrayList<>();
    for (Map.Entry<String, String> pair : UriEncoding.splitQuery(rawQuery)) {
      String key = UriEncoding.reencode(pair.getKey(), false);
      if (!(presigned && key.equals(SIGNATURE_PARAM))) {
        pairs.add(new String[] {key, UriEncoding.reencode(pair.getValue(), false)});
      }
    }
    pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
    List<String> joined = new ArrayList<>(pairs.size());
    for (String[] pair : pairs) {
      joined.add(pair[0] + "=" + pair[1]);
    }
    return String.join("&", joined);
  }

  /**
   * The canonical headers block, one {@code name:value\n} line per signed header in the order
   * given. Values are trimmed with inner whitespace runs (line folds included) collapsed to one
   * space; repeated headers are joined with commas in arrival order. A signed header the request
   * lacks yields an empty value, so the signature simply fails to match.
   */
  public static String canonicalHeaders(
      Map<String, List<String>> headers, List<String> signedHeaders) {
    StringBuilder out = new StringBuilder();
    for (String name : signedHeaders) {
      List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
      out.append(name).append(':');
      for (int i = 0; i < values.size(); i++) {
        out.append(i == 0 ? "" : ",").append(trimAll(values.get(i)));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** The canonical request the client must have signed. */
  public static String canonicalRequest(
      SignedRequest request, List<String> signedHeaders, boolean s3, boolean presigned) {
    return String.join(
        "\n",
        request.method(),
        canonicalUri(request.rawPath(), s3),
        canonicalQuery(request.rawQuery(), presigned),
        canonicalHeaders(request.headers(), signedHeaders),
        String.join(";", signedHeaders),
        request.payloadSha256());
  }

  /** The string to sign for a request made at {@code amzDate} ({@code yyyyMMdd'T'HHmmss'Z'}). */
  public static String stringToSign(String amzDate, String scope, String canonicalRequest) {
    return String.join("\n", ALGORITHM, amzDate, scope, SignedRequest.sha256Hex(canonicalRequest));
  }

  /**
   * The signing key for one day, region and service. It depends on nothing else, so a caller may
   * cache it per access key and scope and pass it to {@link SigV4Verifier#verify(SignedRequest,
   * SigV4Auth, byte[], boolean)}.
   */
  public static byte[] signingKey(String secret, String date, String region, String service) {
    byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, region);
    key = hmac(key, service);
    return hmac(key, TERMINATOR);
  }

  /** The lower-case hex signature of {@code stringToSign}. */
  public static String signature(byte[] signingKey, String stringToSign) {
    return HexFormat.of().formatHex(hmac(signingKey, stringToSign));
  }

  /** {@code instant} in the SigV4 timestamp form, e.g. {@code 20150830T123600Z}. */
  public static String formatAmzDate(Instant instant) {
    return AMZ_DATE.format(instant);
  }

  /**
   * RFC 3986 dot-segment removal plus collapsing of empty segments, as botocore and the AWS CRT
   * signer do: {@code //a/./b/../c/} becomes {@code /a/c/}.
   */
  private static String removeDotSegments(String path) {
    Deque<String> kept = new ArrayDeque<>();
    for (String segment : path.split("/")) {
      if (segment.equals("..")) {
        kept.pollLast();
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        kept.addLast(segment);
      }
    }
    if (kept.isEmpty()) {
      return "/";
    }
    return "/" + String.join("/", kept) + (path.endsWith("/") ? "/" : "");
  }

  /** Trims and collapses each run of whitespace to one space, as the SigV4 "Trimall" demands. */
  private static String trimAll(String value) {
    StringBuilder out = new StringBuilder(value.length());
    boolean pendingSpace = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  private static byte[] hmac(byte[] key, String data) {
    return Digests.hmac(key, data.getBytes(StandardCharsets.UTF_8));
  }
}
