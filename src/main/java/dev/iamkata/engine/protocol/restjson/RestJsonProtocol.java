package dev.iamkata.engine.protocol.restjson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.http.HttpRequest;
import dev.iamkata.engine.http.HttpResponse;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.protocol.Protocol;
import dev.iamkata.engine.protocol.Service;
import dev.iamkata.engine.protocol.json.JsonCodec;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.PayloadTrait;
import software.amazon.awssdk.core.traits.TraitType;
import software.amazon.awssdk.utils.builder.Buildable;
import software.amazon.awssdk.utils.builder.ToCopyableBuilder;

/**
 * The rest-json protocol. The SDK's request marshallers keep the HTTP method and URI template out
 * of {@code sdkFields()}, so each service gives them as a table of {@link Route}s (copied from the
 * service's botocore model); the members' places (path label, query parameter, header, body) come
 * from the SDK model classes.
 */
public final class RestJsonProtocol implements Protocol {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * One operation's HTTP binding, e.g. {@code POST /2015-03-31/functions} answering 201.
   *
   * @param operation the operation name, as in the service's routing table
   * @param method the HTTP method
   * @param template the URI template, with {@code {Label}} path segments
   * @param status the status code of a success
   */
  public record Route(String operation, String method, String template, int status) {
    String[] segments() {
      return template.substring(1).split("/", -1);
    }
  }

  private final List<Route> routes;
  private final Map<String, Route> byOperation = new HashMap<>();

  public RestJsonProtocol(List<Route> routes) {
    this.routes = List.copyOf(routes);
    for (Route route : routes) {
      byOperation.put(route.operation(), route);
    }
  }

  @Override
  public Call decode(HttpRequest request, Service service) {
    String[] path = request.rawPath().substring(1).split("/", -1);
    for (Route route : routes) {
      if (!route.method().equals(request.method())) {
        continue;
      }
      Map<String, String> labels = match(route.segments(), path);
      if (labels == null) {
        continue;
      }
      Operation<?, ?> operation =
          service
              .operation(route.operation())
              .orElseThrow(() -> new AwsException(AwsError.UNKNOWN_OPERATION, null));
      return new Call(operation, read(operation.builder().get(), request, labels));
    }
    throw new AwsException(AwsError.UNKNOWN_OPERATION, null);
  }

  /** The path labels if {@code path} fits {@code template}, else null. */
  private static Map<String, String> match(String[] template, String[] path) {
    if (template.length != path.length) {
      return null;
    }
    Map<String, String> labels = new HashMap<>();
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      if (t.startsWith("{") && t.endsWith("}")) {
        if (path[i].isEmpty()) {
          return null;
        }
        labels.put(t.substring(1, t.length() - 1), decodeComponent(path[i]));
      } else if (!t.equals(path[i])) {
        return null;
      }
    }
    return labels;
  }

  private static String decodeComponent(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static Object read(SdkPojo builder, HttpRequest request, Map<String, String> labels) {
    SdkField<?> blob = blobPayload(builder);
    if (blob != null) {
      // the body is the member itself (Invoke's Payload), not a JSON document of members
      Object decoded = read(builder, request, labels, MAPPER.createObjectNode());
      SdkPojo filled = ((SdkPojo) decoded);
      return withBlob(filled, blob, request.body());
    }
    ObjectNode body;
    try {
      JsonNode tree =
          request.body().length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(request.body());
      if (tree == null || !tree.isObject()) {
        throw new AwsException(AwsError.SERIALIZATION, "Start of list found where not expected");
      }
      body = (ObjectNode) tree;
    } catch (IOException e) {
      throw new AwsException(AwsError.SERIALIZATION, "Malformed JSON");
    }
    return read(builder, request, labels, body);
  }

  private static Object read(
      SdkPojo builder, HttpRequest request, Map<String, String> labels, ObjectNode body) {
    Map<String, String> query = queryParameters(request.rawQuery());
    for (SdkField<?> field : builder.sdkFields()) {
      MarshallLocation location = field.location();
      if (location == MarshallLocation.PAYLOAD) {
        continue;
      }
      body.remove(field.locationName());
      String value =
          switch (location) {
            case PATH, GREEDY_PATH -> labels.get(field.locationName());
            case QUERY_PARAM -> query.get(field.locationName());
            case HEADER -> request.header(field.locationName().toLowerCase(java.util.Locale.ROOT));
            default -> null;
          };
      if (value != null) {
        body.set(field.locationName(), scalar(field, value));
      }
    }
    return JsonCodec.decode(builder, body);
  }

  /** The member a request or response carries as its whole body (a blob), or null. */
  private static SdkField<?> blobPayload(SdkPojo pojo) {
    for (SdkField<?> field : pojo.sdkFields()) {
      if (field.containsTrait(PayloadTrait.class, TraitType.PAYLOAD_TRAIT)
          && field.marshallingType() == MarshallingType.SDK_BYTES) {
        return field;
      }
    }
    return null;
  }

  /** {@code request} rebuilt with its blob payload member set to {@code bytes}. */
  private static Object withBlob(SdkPojo request, SdkField<?> blob, byte[] bytes) {
    SdkPojo builder = (SdkPojo) ((ToCopyableBuilder<?, ?>) request).toBuilder();
    blob.set(builder, SdkBytes.fromByteArray(bytes));
    return ((Buildable) builder).build();
  }

  /** A path, query or header string as the JSON node the codec reads for {@code field}'s type. */
  private static JsonNode scalar(SdkField<?> field, String value) {
    MarshallingType<?> type = field.marshallingType();
    try {
      if (type == MarshallingType.INTEGER) {
        return MAPPER.getNodeFactory().numberNode(Integer.parseInt(value));
      }
      if (type == MarshallingType.LONG) {
        return MAPPER.getNodeFactory().numberNode(Long.parseLong(value));
      }
    } catch (NumberFormatException e) {
      throw new AwsException(
          AwsError.INVALID_PARAMETER_VALUE_EXCEPTION,
          "Invalid value for " + field.locationName() + ": " + value);
    }
    if (type == MarshallingType.BOOLEAN) {
      return MAPPER.getNodeFactory().booleanNode(Boolean.parseBoolean(value));
    }
    return MAPPER.getNodeFactory().textNode(value);
  }

  private static Map<String, String> queryParameters(String rawQuery) {
    Map<String, String> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = decodeComponent(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decodeComponent(pair.substring(eq + 1));
      out.putIfAbsent(name, value);
    }
    return out;
  }

  @Override
  public HttpResponse success(
      Service service, Operation<?, ?> operation, SdkPojo result, String requestId) {
    Route route = byOperation.get(operation.name());
    int status = route == null ? 200 : route.status();
    SdkField<?> blob = result == null ? null : blobPayload(result);
    if (blob != null) {
      return blobResponse(result, blob, status, requestId);
    }
    ObjectNode body = JsonCodec.encode(result);
    if (result != null) {
      for (SdkField<?> field : result.sdkFields()) {
        if (field.location() != MarshallLocation.PAYLOAD) {
          body.remove(field.locationName());
        }
      }
    }
    return respond(status, body, null, requestId);
  }

  /**
   * A response whose body is one blob member (Invoke's Payload): its header members become headers
   * and its status-code member, if set, the HTTP status.
   */
  private static HttpResponse blobResponse(
      SdkPojo result, SdkField<?> blob, int status, String requestId) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("x-amzn-RequestId", requestId);
    for (SdkField<?> field : result.sdkFields()) {
      Object value = field.getValueOrDefault(result);
      if (value == null) {
        continue;
      }
      if (field.location() == MarshallLocation.STATUS_CODE) {
        status = (Integer) value;
      } else if (field.location() == MarshallLocation.HEADER) {
        headers.put(field.locationName(), String.valueOf(value));
      }
    }
    Object payload = blob.getValueOrDefault(result);
    byte[] bytes = payload == null ? new byte[0] : ((SdkBytes) payload).asByteArray();
    return new HttpResponse(status, headers, status == 204 ? new byte[0] : bytes);
  }

  @Override
  public HttpResponse error(Service service, AwsException error, String requestId) {
    String message = error.getMessage();
    String code;
    int status;
    switch (error.error()) {
      case ACCESS_DENIED -> {
        code = "AccessDeniedException";
        status = 403;
      }
      case INVALID_CLIENT_TOKEN_ID -> {
        code = "UnrecognizedClientException";
        status = 403;
        message = "The security token included in the request is invalid.";
      }
      case EXPIRED_TOKEN -> {
        code = "ExpiredTokenException";
        status = 403;
      }
      case SIGNATURE_DOES_NOT_MATCH -> {
        code = "InvalidSignatureException";
        status = 403;
      }
      case INCOMPLETE_SIGNATURE -> {
        code = "IncompleteSignatureException";
        status = 403;
      }
      case MISSING_AUTHENTICATION_TOKEN -> {
        code = "MissingAuthenticationTokenException";
        status = 403;
      }
      case UNKNOWN_OPERATION, INVALID_ACTION, MISSING_ACTION -> {
        code = "UnknownOperationException";
        status = 404;
      }
      case VALIDATION_EXCEPTION, VALIDATION_ERROR, MISSING_PARAMETER, INVALID_INPUT -> {
        code = "ValidationException";
        status = 400;
      }
      case RESOURCE_NOT_FOUND -> {
        code = "ResourceNotFoundException";
        status = 404;
      }
      case INTERNAL_FAILURE, SERVICE_FAILURE -> {
        code = "ServiceException";
        status = 500;
      }
      default -> {
        code = error.error().code();
        status = error.error().status();
      }
    }
    ObjectNode body = MAPPER.createObjectNode();
    boolean modelled =
        switch (code) {
          case "AccessDeniedException",
              "ResourceNotFoundException",
              "InvalidParameterValueException",
              "ResourceConflictException",
              "InvalidRequestContentException",
              "RecursiveInvocationException",
              "ServiceException" ->
              true;
          default -> false;
        };
    if (modelled) {
      body.put("Type", status >= 500 ? "Service" : "User");
    }
    if (message != null) {
      body.put(modelled ? "Message" : "message", message);
    }
    return respond(status, body, code, requestId);
  }

  private static HttpResponse respond(
      int status, JsonNode body, String errorType, String requestId) {
    byte[] bytes;
    try {
      bytes = status == 204 ? new byte[0] : MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("x-amzn-RequestId", requestId);
    if (errorType != null) {
      headers.put("x-amzn-ErrorType", errorType);
    }
    return new HttpResponse(status, headers, bytes);
  }
}
