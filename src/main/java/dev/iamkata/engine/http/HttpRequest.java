package dev.iamkata.engine.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request as it arrived, before any AWS meaning is given to it: raw path and query exactly as
 * sent (SigV4 needs them so), lower-cased header names, the whole body.
 */
public record HttpRequest(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body,
    String remoteAddress) {

  /** The first value of a header, or null. */
  public String header(String lowerCaseName) {
    List<String> values = headers.get(lowerCaseName);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * The query string's parameters, followed by a form-encoded body's: the query protocol accepts
   * both.
   */
  public Map<String, String> formParameters() {
    Map<String, String> params = new LinkedHashMap<>();
    parseForm(rawQuery, params);
    String type = header("content-type");
    if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
      parseForm(new String(body, StandardCharsets.UTF_8), params);
    }
    return params;
  }

  private static void parseForm(String form, Map<String, String> into) {
    if (form == null || form.isEmpty()) {
      return;
    }
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      into.put(decode(key), decode(value));
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
