package dev.iamkata.engine.protocol.query;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.http.HttpRequest;
import dev.iamkata.engine.http.HttpResponse;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.protocol.Protocol;
import dev.iamkata.engine.protocol.Service;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;

/**
 * AWS's query protocol (IAM, STS): {@code Action=…&Version=…} in a form body or the query string,
 * XML out.
 */
public final class QueryProtocol implements Protocol {
  private static final String XML = "text/xml";

  @Override
  public Call decode(HttpRequest request, Service service) {
    Map<String, String> params = request.formParameters();
    String action = params.get("Action");
    if (action == null || action.isEmpty()) {
      throw new AwsException(AwsError.MISSING_ACTION, "Missing Action");
    }
    Operation<?, ?> operation =
        service
            .operation(action)
            .orElseThrow(
                () ->
                    new AwsException(
                        AwsError.INVALID_ACTION,
                        "Could not find operation "
                            + action
                            + " for version "
                            + params.getOrDefault("Version", service.version())));
    return new Call(operation, QueryDecoder.decode(operation.builder().get(), params));
  }

  @Override
  public HttpResponse success(
      Service service, Operation<?, ?> operation, SdkPojo result, String requestId) {
    String body = QueryEncoder.response(operation.name(), service.xmlns(), result, requestId);
    return HttpResponse.of(200, XML, body).withHeader("x-amzn-RequestId", requestId);
  }

  @Override
  public HttpResponse error(Service service, AwsException error, String requestId) {
    String body =
        QueryEncoder.error(
            service.xmlns(),
            error.error().senderFault(),
            error.error().code(),
            error.getMessage(),
            requestId);
    return HttpResponse.of(error.error().status(), XML, body)
        .withHeader("x-amzn-RequestId", requestId);
  }
}
