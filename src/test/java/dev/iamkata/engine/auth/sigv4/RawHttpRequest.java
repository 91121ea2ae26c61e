package dev.iamkata.engine.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the request files of the AWS SigV4 test suite: a request line whose target may contain
 * spaces and raw UTF-8, {@code Name:value} headers where an indented line continues the previous
 * value, then an optional blank line and body.
 */
final class RawHttpRequest {
  private RawHttpRequest() {}

  static SignedRequest parse(String text) {
    String[] lines = text.split("\n", -1);
    String requestLine = lines[0];
    String method = requestLine.substring(0, requestLine.indexOf(' '));
    String target =
        requestLine.substring(method.length() + 1, requestLine.lastIndexOf(" HTTP/1.1"));
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    String query = question < 0 ? null : target.substring(question + 1);

    Map<String, List<String>> headers = new LinkedHashMap<>();
    List<String> lastValues = null;
    int i = 1;
    for (; i < lines.length && !lines[i].isEmpty(); i++) {
      String line = lines[i];
      if (Character.isWhitespace(line.charAt(0)) && lastValues != null) {
        int last = lastValues.size() - 1;
        lastValues.set(last, lastValues.get(last) + "\n" + line);
        continue;
      }
      int colon = line.indexOf(':');
      lastValues = headers.computeIfAbsent(line.substring(0, colon), n -> new ArrayList<>());
      lastValues.add(line.substring(colon + 1));
    }
    String body =
        i + 1 < lines.length ? String.join("\n", List.of(lines).subList(i + 1, lines.length)) : "";
    return new SignedRequest(
        method,
        path,
        query,
        headers,
        SignedRequest.sha256Hex(body.getBytes(StandardCharsets.UTF_8)));
  }

  /** {@code request} with header {@code name} set to {@code value}, replacing any earlier one. */
  static SignedRequest withHeader(SignedRequest request, String name, String value) {
    Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
    headers.put(name.toLowerCase(Locale.ROOT), List.of(value));
    return new SignedRequest(
        request.method(), request.rawPath(), request.rawQuery(), headers, request.payloadSha256());
  }
}
