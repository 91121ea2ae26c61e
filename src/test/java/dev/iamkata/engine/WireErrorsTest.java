package dev.iamkata.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamkata.engine.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireErrorsTest {
  static HttpResponse response(Map<String, String> headers, String body) {
    return new HttpResponse(400, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void restJsonTakesTheErrorTypeHeader() {
    HttpResponse r =
        response(
            Map.of("x-amzn-ErrorType", "ResourceNotFoundException:http://internal"),
            "{\"Type\":\"User\",\"Message\":\"Function not found: f\"}");
    assertEquals("ResourceNotFoundException", WireErrors.code(r));
    assertEquals("Function not found: f", WireErrors.message(r));
  }

  @Test
  void jsonTakesTheTypeAfterTheHash() {
    HttpResponse r =
        response(
            Map.of(),
            "{\"__type\":\"com.amazon.coral.service#AccessDeniedException\",\"Message\":\"no\"}");
    assertEquals("AccessDeniedException", WireErrors.code(r));
    assertEquals("no", WireErrors.message(r));
  }

  @Test
  void xmlTakesTheFirstCodeAndMessage() {
    HttpResponse r =
        response(
            Map.of(),
            "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not"
                + " &quot;allowed&quot; &amp; that</Message></Error></Errors></Response>");
    assertEquals("UnauthorizedOperation", WireErrors.code(r));
    assertEquals("You are not \"allowed\" & that", WireErrors.message(r));
    assertEquals("HTTP400", WireErrors.code(response(Map.of(), "")));
  }
}
