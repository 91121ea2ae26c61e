package dev.iamkata.engine.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A response ready to send. */
public record HttpResponse(int status, Map<String, String> headers, byte[] body) {

  public static HttpResponse of(int status, String contentType, String body) {
    return new HttpResponse(
        status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
  }

  /** A copy with one more header. */
  public HttpResponse withHeader(String name, String value) {
    Map<String, String> copy = new java.util.LinkedHashMap<>(headers);
    copy.put(name, value);
    return new HttpResponse(status, copy, body);
  }
}
