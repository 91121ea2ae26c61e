package dev.iamkata.engine.http;

import dev.iamkata.engine.protocol.Service;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Picks the service a request is for. Signed requests name it in their credential scope; for
 * unsigned ones (which then fail authentication in that service's own words) the host name or the
 * query {@code Action} decides, and without an {@code Action} a bucket-like path or an S3-only
 * method means S3.
 */
public final class Router {
  private static final Pattern SCOPE =
      Pattern.compile("Credential=[^/,\\s]+/\\d{8}/[^/,\\s]+/([^/,\\s]+)/");
  private static final Pattern QUERY_SCOPE =
      Pattern.compile("X-Amz-Credential=[^&]*?(?:%2F|/)\\d{8}(?:%2F|/)[^&%/]+(?:%2F|/)([^&%/]+)");

  private final Map<String, Service> bySigningName;
  private final Service fallback;

  /** The first service is the fallback when nothing else decides. */
  public Router(List<Service> services) {
    this.bySigningName =
        services.stream().collect(Collectors.toMap(Service::signingName, Function.identity()));
    this.fallback = services.get(services.size() - 1);
  }

  /** The signing names of the services served, sorted. */
  public List<String> signingNames() {
    return bySigningName.keySet().stream().sorted().toList();
  }

  /** The service signed as {@code signingName} ({@code dynamodb}, {@code s3}, ...), if served. */
  public Optional<Service> service(String signingName) {
    return Optional.ofNullable(bySigningName.get(signingName));
  }

  /** The service for {@code request}; empty when it names a service this engine lacks. */
  public Optional<Service> route(HttpRequest request) {
    String signingName = signingName(request);
    if (signingName != null) {
      return Optional.ofNullable(bySigningName.get(signingName));
    }
    String host = request.header("host");
    if (host != null) {
      for (Map.Entry<String, Service> e : bySigningName.entrySet()) {
        if (host.startsWith(e.getKey() + ".")) {
          return Optional.of(e.getValue());
        }
      }
    }
    String action = request.formParameters().get("Action");
    for (Service s : bySigningName.values()) {
      if (action != null && s.operation(action).isPresent()) {
        return Optional.of(s);
      }
    }
    Service s3 = bySigningName.get("s3");
    if (s3 != null && action == null && looksLikeS3(request)) {
      return Optional.of(s3);
    }
    return Optional.of(fallback);
  }

  /**
   * An unsigned request without an {@code Action} that the query services could not mean: a path
   * below the root, or a method they never use (S3's anonymous requests).
   */
  private static boolean looksLikeS3(HttpRequest request) {
    String method = request.method();
    boolean queryMethod = method.equals("GET") || method.equals("POST");
    return !queryMethod || !(request.rawPath().isEmpty() || request.rawPath().equals("/"));
  }

  /** The service named in the credential scope, or null for an unsigned request. */
  public static String signingName(HttpRequest request) {
    String auth = request.header("authorization");
    if (auth != null) {
      Matcher m = SCOPE.matcher(auth);
      return m.find() ? m.group(1) : null;
    }
    if (request.rawQuery() != null) {
      Matcher m = QUERY_SCOPE.matcher(request.rawQuery());
      return m.find() ? m.group(1) : null;
    }
    return null;
  }
}
