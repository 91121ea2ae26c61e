package dev.iamkata.shell.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * botocore's paginators ({@code paginators-1.json}, copied into {@code paginators.tsv} by {@code
 * tools/gen-paginators.py}): which operations the CLI pages through by itself, and how it joins the
 * pages ({@code build_full_result}: the result keys of every page, the non-aggregate keys of the
 * first, no tokens).
 */
public final class Paginators {
  /**
   * One paginator.
   *
   * @param inputTokens the request members that take the next page's token
   * @param outputTokens the response members that give it
   * @param moreResults the response member saying whether there are more, or null
   * @param resultKeys the members joined across pages
   * @param limitKey the request member for the page size, or null
   * @param nonAggregateKeys the members kept from the first page
   */
  public record Paginator(
      List<String> inputTokens,
      List<String> outputTokens,
      String moreResults,
      List<String> resultKeys,
      String limitKey,
      List<String> nonAggregateKeys) {

    /** The joined result of {@code pages}, as the CLI prints it. */
    public ObjectNode join(List<ObjectNode> pages) {
      ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      for (ObjectNode page : pages) {
        for (String key : resultKeys) {
          JsonNode v = page.get(key);
          if (v == null) {
            continue;
          }
          JsonNode existing = out.get(key);
          if (existing == null) {
            out.set(key, v.deepCopy());
          } else if (existing.isArray() && v.isArray()) {
            ((ArrayNode) existing).addAll((ArrayNode) v);
          } else if (existing.isIntegralNumber() && v.isIntegralNumber()) {
            out.put(key, existing.longValue() + v.longValue());
          }
        }
      }
      ObjectNode first = pages.isEmpty() ? out : pages.get(0);
      for (String key : nonAggregateKeys) {
        JsonNode v = first.get(key);
        out.set(key, v == null ? NullNode.getInstance() : v);
      }
      return out;
    }
  }

  private static final Map<String, Paginator> TABLE = load();

  private Paginators() {}

  /** The paginator of an operation, or null when the CLI calls it once. */
  public static Paginator of(AwsService service, String operation) {
    return TABLE.get(service.cliName() + "/" + operation);
  }

  private static Map<String, Paginator> load() {
    Map<String, Paginator> out = new HashMap<>();
    try (InputStream in = Paginators.class.getResourceAsStream("paginators.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] c = line.split("\t");
        out.put(
            c[0] + "/" + c[1],
            new Paginator(list(c[2]), list(c[3]), dash(c[4]), list(c[5]), dash(c[6]), list(c[7])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static List<String> list(String s) {
    return s.equals("-") ? List.of() : Arrays.asList(s.split(","));
  }

  private static String dash(String s) {
    return s.equals("-") ? null : s;
  }
}
