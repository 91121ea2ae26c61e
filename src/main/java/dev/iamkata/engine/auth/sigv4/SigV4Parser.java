package dev.iamkata.engine.auth.sigv4;

import dev.iamkata.engine.api.UriEncoding;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the signature information out of a request, refusing malformed ones with the error AWS
 * gives, in the order AWS checks: presence, missing parameters, date format, {@code host} signed,
 * algorithm, credential shape. The expiry check, which AWS makes right after the date format, needs
 * a clock and lives in {@link SigV4Verifier#checkTime}; the scope check in {@link
 * SigV4Verifier#checkScope}.
 */
public final class SigV4Parser {
  private static final String ALGORITHM = "X-Amz-Algorithm";
  // Compiled once: String.split compiles any pattern longer than one character on every call.
  private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[,\\s]+");
  private static final String CREDENTIAL = "X-Amz-Credential";
  private static final String SIGNATURE = "X-Amz-Signature";
  private static final String SIGNED_HEADERS = "X-Amz-SignedHeaders";
  private static final String DATE = "X-Amz-Date";
  private static final DateTimeFormatter ISO_BASIC =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withResolverStyle(ResolverStyle.STRICT);

  private SigV4Parser() {}

  /**
   * The signature information of {@code request}.
   *
   * @throws SigV4Exception when AWS would reject the request before even computing a signature
   */
  public static SigV4Auth parse(SignedRequest request) {
    String authorization = request.header("authorization").filter(v -> !v.isBlank()).orElse(null);
    Map<String, String> query = firstQueryValues(request.rawQuery());
    boolean queryAuth = query.containsKey(ALGORITHM);
    if (authorization != null && queryAuth) {
      throw SigV4Exception.signatureDoesNotMatch(
          "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP"
              + " header.");
    }
    if (authorization == null && !queryAuth) {
      throw SigV4Exception.noAuthentication();
    }
    return authorization != null ? fromHeader(request, authorization) : fromQuery(query);
  }

  private static SigV4Auth fromHeader(SignedRequest request, String header) {
    String trimmed = header.trim();
    // Coral services answer a foreign scheme (Basic, Bearer, SigV2 "AWS") as if unsigned.
    if (!trimmed.startsWith("AWS4-")) {
      throw SigV4Exception.foreignAuthorization();
    }
    // AWS splits on commas and on whitespace, so "Credential= AKID/..." is two tokens.
    String[] tokens = TOKEN_SEPARATORS.split(trimmed);
    Map<String, String> params = new HashMap<>();
    for (int i = 1; i < tokens.length; i++) {
      int eq = tokens[i].indexOf('=');
      if (eq < 0) {
        throw SigV4Exception.incompleteSignature(
            "'"
                + tokens[i]
                + "' not a valid key=value pair (missing equal-sign) in Authorization header: '"
                + header
                + "'.");
      }
      params.put(tokens[i].substring(0, eq), tokens[i].substring(eq + 1));
    }

    Optional<String> amzDate = request.header("x-amz-date");
    Optional<String> httpDate = request.header("date");
    StringBuilder missing = new StringBuilder();
    if (params.getOrDefault("Credential", "").isEmpty()) {
      missing.append("Authorization header requires 'Credential' parameter. ");
    }
    if (params.getOrDefault("Signature", "").isEmpty()) {
      missing.append("Authorization header requires 'Signature' parameter. ");
    }
    // An empty SignedHeaders is accepted here and refused by the host check below.
    if (!params.containsKey("SignedHeaders")) {
      missing.append("Authorization header requires 'SignedHeaders' parameter. ");
    }
    if (amzDate.isEmpty() && httpDate.isEmpty()) {
      missing.append(
          "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
    }
    if (missing.length() > 0) {
      throw SigV4Exception.incompleteSignature(missing + "Authorization=" + header);
    }

    Instant time =
        amzDate.isPresent() ? parseAmzDate(amzDate.get()) : parseHttpDate(httpDate.get());
    List<String> signedHeaders = splitSignedHeaders(params.get("SignedHeaders"));
    requireHostSigned(signedHeaders);
    if (amzDate.isPresent() && !containsIgnoreCase(signedHeaders, "x-amz-date")) {
      throw SigV4Exception.signatureDoesNotMatch(
          "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
    }
    requireAlgorithm(tokens[0]);
    return build(
        params.get("Credential"),
        signedHeaders,
        params.get("Signature"),
        time,
        false,
        Optional.empty(),
        request.header("x-amz-security-token"));
  }

  private static SigV4Auth fromQuery(Map<String, String> query) {
    StringBuilder missing = new StringBuilder();
    for (String name : List.of(ALGORITHM, CREDENTIAL, SIGNATURE, SIGNED_HEADERS, DATE)) {
      if (query.getOrDefault(name, "").isEmpty()) {
        missing.append("AWS query-string parameters must include '").append(name).append("'. ");
      }
    }
    if (missing.length() > 0) {
      throw SigV4Exception.incompleteSignature(missing + "Re-examine the query-string parameters.");
    }
    Instant time = parseAmzDate(query.get(DATE));
    List<String> signedHeaders = splitSignedHeaders(query.get(SIGNED_HEADERS));
    requireHostSigned(signedHeaders);
    requireAlgorithm(query.get(ALGORITHM));
    return build(
        query.get(CREDENTIAL),
        signedHeaders,
        query.get(SIGNATURE),
        time,
        true,
        Optional.ofNullable(query.get("X-Amz-Expires")),
        Optional.ofNullable(query.get("X-Amz-Security-Token")));
  }

  private static SigV4Auth build(
      String credential,
      List<String> signedHeaders,
      String signature,
      Instant time,
      boolean presigned,
      Optional<String> expires,
      Optional<String> token) {
    // String.split drops trailing empty strings, matching AWS, which ignores trailing slashes.
    String[] parts = credential.split("/");
    if (parts.length != 5) {
      throw SigV4Exception.incompleteSignature(
          "Credential must have exactly 5 slash-delimited elements, e.g."
              + " keyid/date/region/service/term, got '"
              + credential
              + "'");
    }
    return new SigV4Auth(
        credential,
        parts[0],
        parts[1],
        parts[2],
        parts[3],
        parts[4],
        signedHeaders,
        signature,
        time,
        presigned,
        expires,
        token);
  }

  private static void requireHostSigned(List<String> signedHeaders) {
    if (!containsIgnoreCase(signedHeaders, "host")
        && !containsIgnoreCase(signedHeaders, ":authority")) {
      throw SigV4Exception.signatureDoesNotMatch(
          "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }
  }

  private static void requireAlgorithm(String algorithm) {
    if (!algorithm.equals(SigV4.ALGORITHM)) {
      throw SigV4Exception.incompleteSignature(
          "Unsupported AWS 'algorithm': '" + algorithm + "' (only AWS4-HMAC-SHA256 for now). ");
    }
  }

  private static Instant parseAmzDate(String value) {
    try {
      return LocalDateTime.parse(value, ISO_BASIC).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw badDate(value);
    }
  }

  /** The {@code Date} header may carry the SigV4 form or the usual HTTP (RFC 1123) form. */
  private static Instant parseHttpDate(String value) {
    try {
      return LocalDateTime.parse(value, ISO_BASIC).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notBasic) {
      try {
        return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      } catch (DateTimeParseException notHttp) {
        throw badDate(value);
      }
    }
  }

  private static SigV4Exception badDate(String value) {
    return SigV4Exception.incompleteSignature(
        "Date must be in ISO-8601 'basic format'. Got '"
            + value
            + "'. See http://en.wikipedia.org/wiki/ISO_8601");
  }

  private static List<String> splitSignedHeaders(String value) {
    return value.isEmpty() ? List.of() : List.of(value.split(";", -1));
  }

  private static boolean containsIgnoreCase(List<String> names, String wanted) {
    return names.stream().anyMatch(wanted::equalsIgnoreCase);
  }

  /** Decoded query parameters; for a repeated name the first value counts. */
  private static Map<String, String> firstQueryValues(String rawQuery) {
    Map<String, String> values = new HashMap<>();
    for (Map.Entry<String, String> pair : UriEncoding.splitQuery(rawQuery)) {
      values.putIfAbsent(UriEncoding.decode(pair.getKey()), UriEncoding.decode(pair.getValue()));
    }
    return values;
  }
}
