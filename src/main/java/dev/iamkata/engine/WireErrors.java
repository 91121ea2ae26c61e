package dev.iamkata.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamkata.engine.http.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an error's code and message off an encoded error response the way the SDKs do: rest-json's
 * {@code x-amzn-ErrorType} header, JSON's {@code __type} (after the {@code #}) and {@code
 * message}/{@code Message}, XML's first {@code <Code>} and {@code <Message>}.
 */
final class WireErrors {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]*)</Code>");
  private static final Pattern XML_MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

  private WireErrors() {}

  static String code(HttpResponse response) {
    for (var header : response.headers().entrySet()) {
      if (header.getKey().equalsIgnoreCase("x-amzn-ErrorType")) {
        return header.getValue().split(":", 2)[0];
      }
    }
    JsonNode json = json(response);
    if (json != null && json.hasNonNull("__type")) {
      String type = json.get("__type").asText();
      return type.substring(type.indexOf('#') + 1);
    }
    String xml = text(response);
    Matcher m = XML_CODE.matcher(xml);
    return m.find() ? unescape(m.group(1)) : "HTTP" + response.status();
  }

  static String message(HttpResponse response) {
    JsonNode json = json(response);
    if (json != null) {
      for (String key : new String[] {"message", "Message", "errorMessage"}) {
        if (json.hasNonNull(key)) {
          return json.get(key).asText();
        }
      }
      return "";
    }
    Matcher m = XML_MESSAGE.matcher(text(response));
    return m.find() ? unescape(m.group(1)) : "";
  }

  private static JsonNode json(HttpResponse response) {
    String body = text(response).trim();
    if (!body.startsWith("{")) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static String text(HttpResponse response) {
    return response.body() == null ? "" : new String(response.body(), StandardCharsets.UTF_8);
  }

  private static String unescape(String xml) {
    return xml.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
  }
}
