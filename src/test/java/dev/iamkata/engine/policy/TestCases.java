package dev.iamkata.engine.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Loads the case tables kept as JSON next to the tests. */
final class TestCases {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestCases() {}

  static List<JsonNode> load(String resource) {
    try (InputStream in = TestCases.class.getResourceAsStream(resource)) {
      List<JsonNode> cases = new ArrayList<>();
      JSON.readTree(in).forEach(cases::add);
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A policy written in a table: a JSON object, or a string for documents that are not JSON. */
  static String document(JsonNode policy) {
    return policy.isTextual() ? policy.asText() : policy.toString();
  }
}
