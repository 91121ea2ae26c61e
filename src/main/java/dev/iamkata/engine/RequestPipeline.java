package dev.iamkata.engine;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Authenticator;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.authz.Authorizer;
import dev.iamkata.engine.cloudtrail.Trail;
import dev.iamkata.engine.control.ControlApi;
import dev.iamkata.engine.ec2.InstanceMetadata;
import dev.iamkata.engine.http.HttpRequest;
import dev.iamkata.engine.http.HttpResponse;
import dev.iamkata.engine.http.Router;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.protocol.Protocol;
import dev.iamkata.engine.protocol.Service;
import dev.iamkata.engine.state.Ids;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One request's way through the engine: route, authenticate, decode, authorize, handle, encode,
 * record. Each stage is its own unit; this class only orders them and turns failures into the
 * service's own error envelope.
 */
final class RequestPipeline implements Function<HttpRequest, HttpResponse> {
  private static final System.Logger LOG = System.getLogger(RequestPipeline.class.getName());

  private final Router router;
  private final Authenticator authenticator;
  private final Authorizer authorizer;
  private final ControlApi control;
  private final InstanceMetadata metadata;
  private final Service fallback;
  private final Trail trail;

  RequestPipeline(
      Router router,
      Authenticator authenticator,
      Authorizer authorizer,
      ControlApi control,
      InstanceMetadata metadata,
      Service fallback,
      Trail trail) {
    this.router = router;
    this.authenticator = authenticator;
    this.authorizer = authorizer;
    this.control = control;
    this.metadata = metadata;
    this.fallback = fallback;
    this.trail = trail;
  }

  @Override
  public HttpResponse apply(HttpRequest request) {
    if (request.rawPath().startsWith(ControlApi.PREFIX)) {
      return control.handle(request);
    }
    if (request.rawPath().startsWith(InstanceMetadata.PREFIX)) {
      return metadata.handle(request);
    }
    String requestId = Ids.requestId();
    Optional<Service> routed = router.route(request);
    Service service = routed.orElse(fallback);
    Protocol protocol = service.protocol();
    Caller caller = null;
    Operation<?, ?> operation = null;
    try {
      if (routed.isEmpty()) {
        throw new AwsException(
            AwsError.INVALID_ACTION,
            "The service '"
                + Router.signingName(request)
                + "' is not served by this iam-kata engine");
      }
      caller =
          authenticator.authenticate(
              request, service.signingName(), service.globalRegion(), service.s3());
      Protocol.Call call = protocol.decode(request, service);
      operation = call.operation();
      if (operation.action() != null) {
        authorizer.authorize(
            caller,
            operation.action(),
            operation.resourceOf(caller, call.request()),
            operation.contextOf(caller, call.request()));
      }
      SdkPojo result = operation.handle(caller, call.request());
      record(service, operation, caller, null, requestId, request);
      return protocol.success(service, operation, result, requestId);
    } catch (AwsException e) {
      record(service, operation, caller, e, requestId, request);
      return protocol.error(service, e, requestId, request);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "request " + requestId + " failed", e);
      AwsException failure =
          new AwsException(
              AwsError.INTERNAL_FAILURE,
              "The request processing has failed because of an unknown error, exception or"
                  + " failure.");
      record(service, operation, caller, failure, requestId, request);
      return protocol.error(service, failure, requestId, request);
    }
  }

  /** The record stage: calls by an authenticated caller to a known operation go to the trail. */
  private void record(
      Service service,
      Operation<?, ?> operation,
      Caller caller,
      AwsException error,
      String requestId,
      HttpRequest request) {
    if (caller != null && operation != null) {
      trail.record(
          service.signingName(),
          operation.name(),
          caller,
          error,
          requestId,
          request.header("user-agent"));
    }
  }
}
