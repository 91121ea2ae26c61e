package dev.iamkata.engine.protocol;

import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.http.HttpRequest;
import dev.iamkata.engine.http.HttpResponse;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One AWS wire protocol (query, ec2, json, rest-json, rest-xml): how it names the operation and
 * carries its input, and how it writes results and errors. Every service of that protocol shares
 * the same codec.
 */
public interface Protocol {

  /** Finds the operation and decodes its input; throws the protocol's error for bad requests. */
  Call decode(HttpRequest request, Service service);

  HttpResponse success(
      Service service, Operation<?, ?> operation, SdkPojo result, String requestId);

  HttpResponse error(Service service, AwsException error, String requestId);

  /**
   * As {@link #error(Service, AwsException, String)}, for protocols whose errors echo the request.
   */
  default HttpResponse error(
      Service service, AwsException error, String requestId, HttpRequest request) {
    return error(service, error, requestId);
  }

  /** A decoded request: the routing-table row and the SDK request object. */
  record Call(Operation<?, ?> operation, Object request) {}
}
