package dev.iamkata.shell.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.shell.aws.output.ResponseTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * Pages through a paginated operation as the CLI does (all pages joined, no tokens), honouring
 * {@code --page-size}, {@code --max-items} (results cut there, with a {@code NextToken}) and {@code
 * --starting-token}; an operation without a paginator, or one the learner pages by hand ({@code
 * --marker}), is called once.
 */
final class Pager {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Pager() {}

  static ObjectNode call(
      AwsSession session, OperationModel op, SdkRequest request, Map<String, String> paging) {
    Paginators.Paginator p = Paginators.of(op.service(), op.name());
    if (p == null || session.options().noPaginate() || userPaged(p, request)) {
      return ResponseTree.of((SdkPojo) session.call(op, request));
    }
    SdkRequest next = request;
    if (paging.containsKey("--page-size") && p.limitKey() != null) {
      next = with(next, Map.of(p.limitKey(), Integer.parseInt(paging.get("--page-size"))));
    }
    if (paging.containsKey("--starting-token")) {
      next = with(next, decode(paging.get("--starting-token"), p));
    }
    Integer maxItems =
        paging.containsKey("--max-items") ? Integer.valueOf(paging.get("--max-items")) : null;
    List<ObjectNode> pages = new ArrayList<>();
    int seen = 0;
    String nextToken = null;
    Map<String, Object> thisPageToken = new LinkedHashMap<>();
    for (int i = 0; i < 1000; i++) {
      SdkResponse r = session.call(op, next);
      ObjectNode page = ResponseTree.of((SdkPojo) r);
      Map<String, Object> tokens = new LinkedHashMap<>();
      for (int k = 0; k < p.outputTokens().size() && k < p.inputTokens().size(); k++) {
        Object v = member((SdkPojo) r, p.outputTokens().get(k));
        if (v != null) {
          tokens.put(p.inputTokens().get(k), v);
        }
      }
      Object more = p.moreResults() == null ? null : member((SdkPojo) r, p.moreResults());
      boolean last = Boolean.FALSE.equals(more) || tokens.isEmpty();
      if (maxItems != null) {
        int count = count(page, p);
        if (seen + count >= maxItems) {
          int keep = maxItems - seen;
          truncate(page, p, keep);
          pages.add(page);
          if (keep < count) {
            Map<String, Object> t = new LinkedHashMap<>(thisPageToken);
            t.put("boto_truncate_amount", keep);
            nextToken = encode(t);
          } else if (!last) {
            nextToken = encode(tokens);
          }
          break;
        }
        seen += count;
      }
      pages.add(page);
      if (last) {
        break;
      }
      thisPageToken = tokens;
      next = with(next, tokens);
    }
    ObjectNode out = p.join(pages);
    if (nextToken != null) {
      out.put("NextToken", nextToken);
    }
    return out;
  }

  private static int count(ObjectNode page, Paginators.Paginator p) {
    JsonNode first = page.get(p.resultKeys().get(0));
    return first != null && first.isArray() ? first.size() : 0;
  }

  private static void truncate(ObjectNode page, Paginators.Paginator p, int keep) {
    for (String key : p.resultKeys()) {
      JsonNode v = page.get(key);
      if (v != null && v.isArray()) {
        ArrayNode a = (ArrayNode) v;
        while (a.size() > keep) {
          a.remove(a.size() - 1);
        }
      }
    }
  }

  /** botocore's token: base64 of the JSON of the next request's token members. */
  private static String encode(Map<String, Object> token) {
    ObjectNode json = JSON.createObjectNode();
    token.forEach(
        (k, v) ->
            json.set(
                k,
                JSON.valueToTree(
                    v instanceof String || v instanceof Number ? v : String.valueOf(v))));
    return Base64.getEncoder().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, Object> decode(String token, Paginators.Paginator p) {
    Map<String, Object> out = new LinkedHashMap<>();
    try {
      JsonNode json = JSON.readTree(Base64.getDecoder().decode(token));
      for (String t : p.inputTokens()) {
        if (json.hasNonNull(t) && json.get(t).isTextual()) {
          out.put(t, json.get(t).textValue());
        }
      }
    } catch (Exception e) {
      throw AwsCliException.of(
          AwsCliException.GENERAL, "Unable to parse pagination token: " + token);
    }
    return out;
  }

  private static boolean userPaged(Paginators.Paginator p, SdkRequest request) {
    for (String t : p.inputTokens()) {
      if (member((SdkPojo) request, t) != null) {
        return true;
      }
    }
    return false;
  }

  private static Object member(SdkPojo pojo, String name) {
    for (SdkField<?> f : pojo.sdkFields()) {
      if (f.memberName().equals(name)) {
        Object v = f.getValueOrDefault(pojo);
        return v instanceof SdkAutoConstructMap || v instanceof SdkAutoConstructList ? null : v;
      }
    }
    return null;
  }

  private static SdkRequest with(SdkRequest request, Map<String, Object> values) {
    SdkPojo builder = (SdkPojo) request.toBuilder();
    for (SdkField<?> f : builder.sdkFields()) {
      if (values.containsKey(f.memberName())) {
        f.set(builder, values.get(f.memberName()));
      }
    }
    return (SdkRequest) ((Buildable) builder).build();
  }
}
