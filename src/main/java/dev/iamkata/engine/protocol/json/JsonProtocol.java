package dev.iamkata.engine.protocol.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.http.HttpRequest;
import dev.iamkata.engine.http.HttpResponse;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.protocol.Protocol;
import dev.iamkata.engine.protocol.Service;
import java.io.IOException;
import java.util.Map;
import java.util.zip.CRC32;
import software.amazon.awssdk.core.SdkPojo;

/**
 * AWS's JSON protocols (1.0 for DynamoDB, 1.1 for CloudTrail): {@code X-Amz-Target:
 * PREFIX.Operation} (the service's {@link Service#version()} is the prefix), JSON bodies, HTTP 400
 * errors whose {@code __type} is the namespaced code. The authenticator's query-style codes become
 * the JSON services' own ({@code UnrecognizedClientException}, {@code InvalidSignatureException},
 * …).
 */
public final class JsonProtocol implements Protocol {
  private static final String CORAL = "com.amazon.coral.service#";

  /** DynamoDB's flavour: JSON 1.0 with a CRC32 of every body. */
  public static final JsonProtocol DYNAMODB =
      new JsonProtocol("application/x-amz-json-1.0", "com.amazonaws.dynamodb.v20120810#", true);

  /** CloudTrail's flavour: JSON 1.1. */
  public static final JsonProtocol CLOUDTRAIL =
      new JsonProtocol("application/x-amz-json-1.1", "com.amazonaws.cloudtrail.v20131101#", false);

  private final String contentType;
  private final String namespace;
  private final boolean crc32;

  private JsonProtocol(String contentType, String namespace, boolean crc32) {
    this.contentType = contentType;
    this.namespace = namespace;
    this.crc32 = crc32;
  }

  /** How one engine error is written: the {@code __type}, the message member's name, the text. */
  private record Wire(String type, String messageMember, String message) {}

  @Override
  public Call decode(HttpRequest request, Service service) {
    String target = request.header("x-amz-target");
    String prefix = service.version() + ".";
    if (target == null || !target.startsWith(prefix)) {
      throw new AwsException(AwsError.UNKNOWN_OPERATION, null);
    }
    String name = target.substring(prefix.length());
    Operation<?, ?> operation =
        service
            .operation(name)
            .orElseThrow(() -> new AwsException(AwsError.UNKNOWN_OPERATION, null));
    JsonNode body;
    try {
      body =
          request.body().length == 0
              ? JsonCodec.MAPPER.createObjectNode()
              : JsonCodec.MAPPER.readTree(request.body());
    } catch (IOException e) {
      throw new AwsException(AwsError.SERIALIZATION, "Malformed JSON");
    }
    if (body == null || !body.isObject()) {
      throw new AwsException(AwsError.SERIALIZATION, "Start of list found where not expected");
    }
    return new Call(operation, JsonCodec.decode(operation.builder().get(), body));
  }

  @Override
  public HttpResponse success(
      Service service, Operation<?, ?> operation, SdkPojo result, String requestId) {
    return respond(200, JsonCodec.encode(result), requestId);
  }

  @Override
  public HttpResponse error(Service service, AwsException error, String requestId) {
    Wire wire = wire(error);
    ObjectNode body = JsonCodec.MAPPER.createObjectNode().put("__type", wire.type());
    if (wire.message() != null) {
      body.put(wire.messageMember(), wire.message());
    }
    int status = error.error() == AwsError.INTERNAL_FAILURE ? 500 : 400;
    return respond(status, body, requestId);
  }

  private Wire wire(AwsException e) {
    String message = e.getMessage();
    return switch (e.error()) {
      case ACCESS_DENIED -> new Wire(CORAL + "AccessDeniedException", "Message", message);
      case INVALID_CLIENT_TOKEN_ID ->
          new Wire(
              CORAL + "UnrecognizedClientException",
              "message",
              "The security token included in the request is invalid.");
      case EXPIRED_TOKEN -> new Wire(CORAL + "ExpiredTokenException", "message", message);
      case SIGNATURE_DOES_NOT_MATCH ->
          new Wire(CORAL + "InvalidSignatureException", "message", message);
      case INCOMPLETE_SIGNATURE ->
          new Wire(CORAL + "IncompleteSignatureException", "message", message);
      case MISSING_AUTHENTICATION_TOKEN ->
          new Wire(CORAL + "MissingAuthenticationTokenException", "message", message);
      case UNKNOWN_OPERATION, INVALID_ACTION, MISSING_ACTION ->
          new Wire(CORAL + "UnknownOperationException", "message", null);
      case SERIALIZATION -> new Wire(CORAL + "SerializationException", "Message", message);
      case VALIDATION_EXCEPTION, VALIDATION_ERROR, MISSING_PARAMETER, INVALID_INPUT ->
          new Wire("com.amazon.coral.validate#ValidationException", "message", message);
      case INTERNAL_FAILURE, SERVICE_FAILURE ->
          new Wire(namespace + "InternalServerError", "message", "Internal server error");
      default -> new Wire(namespace + e.error().code(), "message", message);
    };
  }

  private HttpResponse respond(int status, JsonNode body, String requestId) {
    byte[] bytes;
    try {
      bytes = JsonCodec.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    headers.put("x-amzn-RequestId", requestId);
    if (crc32) {
      CRC32 crc = new CRC32();
      crc.update(bytes);
      headers.put("x-amz-crc32", String.valueOf(crc.getValue()));
    }
    return new HttpResponse(status, headers, bytes);
  }
}
