package dev.iamkata.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.authz.Authorizer;
import dev.iamkata.engine.cloudtrail.Trail;
import dev.iamkata.engine.http.HttpRequest;
import dev.iamkata.engine.http.HttpResponse;
import dev.iamkata.engine.http.Router;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.protocol.Service;
import dev.iamkata.engine.protocol.ServiceCalls;
import dev.iamkata.engine.protocol.json.JsonCodec;
import dev.iamkata.engine.protocol.restxml.RestXmlRequest;
import dev.iamkata.engine.protocol.restxml.RestXmlResult;
import dev.iamkata.engine.state.Ids;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkPojo;

/**
 * {@link ServiceCalls} through the pipeline's own stages after authentication: decode (from member
 * names instead of a wire body), authorize, handle, record. A failure is worded by the service's
 * protocol exactly as a client would read it off the wire.
 */
final class InternalCalls implements ServiceCalls {
  private static final System.Logger LOG = System.getLogger(InternalCalls.class.getName());

  private final Router router;
  private final Authorizer authorizer;
  private final Trail trail;

  InternalCalls(Router router, Authorizer authorizer, Trail trail) {
    this.router = router;
    this.authorizer = authorizer;
    this.trail = trail;
  }

  @Override
  public Result call(
      Caller caller, String serviceName, String operationName, JsonNode input, String userAgent) {
    Optional<Service> found = router.service(serviceName);
    if (found.isEmpty()) {
      return new Result(
          null,
          "UnknownServiceError",
          "Unknown service: '" + serviceName + "'. This iam-kata engine serves " + served());
    }
    Service service = found.get();
    Optional<Operation<?, ?>> operation = service.operation(operationName);
    if (operation.isEmpty()) {
      return new Result(
          null,
          "UnknownOperationException",
          "Unknown operation " + operationName + " of the service " + serviceName);
    }
    String requestId = Ids.requestId();
    Operation<?, ?> op = operation.get();
    try {
      Object request = decode(service, op, input);
      if (op.action() != null) {
        authorizer.authorize(
            caller, op.action(), op.resourceOf(caller, request), op.contextOf(caller, request));
      }
      SdkPojo result = op.handle(caller, request);
      trail.record(service.signingName(), op.name(), caller, null, requestId, userAgent);
      return Result.ok(encode(result));
    } catch (AwsException e) {
      trail.record(service.signingName(), op.name(), caller, e, requestId, userAgent);
      return worded(service, e, requestId);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "internal call " + requestId + " failed", e);
      AwsException failure =
          new AwsException(
              AwsError.INTERNAL_FAILURE,
              "The request processing has failed because of an unknown error, exception or"
                  + " failure.");
      trail.record(service.signingName(), op.name(), caller, failure, requestId, userAgent);
      return worded(service, failure, requestId);
    }
  }

  private String served() {
    return String.join(", ", router.signingNames());
  }

  /**
   * The SDK request from model member names. S3's handlers take the request with its payload (the
   * {@code Body} member, as text) and the HTTP request around it, which here carries no headers.
   */
  private static Object decode(Service service, Operation<?, ?> op, JsonNode input) {
    Object request = JsonCodec.decodeMembers(op.builder().get(), input);
    if (!service.s3()) {
      return request;
    }
    JsonNode body = input == null ? null : input.get("Body");
    byte[] payload =
        body == null || body.isNull()
            ? new byte[0]
            : (body.isTextual() ? body.textValue() : body.toString())
                .getBytes(StandardCharsets.UTF_8);
    HttpRequest http = new HttpRequest("POST", "/", "", Map.of(), payload, "127.0.0.1");
    return new RestXmlRequest<>(request, payload, http);
  }

  /** The response's members; S3's streamed body is given back as text under {@code Body}. */
  private static ObjectNode encode(SdkPojo result) {
    if (result instanceof RestXmlResult xml) {
      ObjectNode out = JsonCodec.encodeMembers(xml.response());
      if (xml.body() != null) {
        out.put("Body", new String(xml.body(), StandardCharsets.UTF_8));
      }
      return out;
    }
    return JsonCodec.encodeMembers(result);
  }

  private static Result worded(Service service, AwsException e, String requestId) {
    HttpResponse wire = service.protocol().error(service, e, requestId);
    return new Result(null, WireErrors.code(wire), WireErrors.message(wire));
  }
}
