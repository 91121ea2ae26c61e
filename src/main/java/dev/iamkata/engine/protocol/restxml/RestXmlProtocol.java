package dev.iamkata.engine.protocol.restxml;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.http.HttpRequest;
import dev.iamkata.engine.http.HttpResponse;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.protocol.Protocol;
import dev.iamkata.engine.protocol.Service;
import dev.iamkata.engine.protocol.Xml;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkPojo;

/**
 * AWS's rest-xml protocol as S3 speaks it. A rest-xml service names its operations by method, path
 * and query ({@link Resolver}); members are read from and written to the path, query, headers and
 * an XML or raw payload as the SDK model's fields say ({@link RestXmlDecoder}, {@link
 * RestXmlEncoder}). Errors are a bare {@code <Error>} document, and none at all for HEAD.
 */
public final class RestXmlProtocol implements Protocol {
  private static final String XML_TYPE = "application/xml";

  /** Finds the operation of a request and the values of its path labels. */
  public interface Resolver {
    Resolved resolve(HttpRequest request);

    /** The root element of {@code operation}'s XML output, or null when it has no XML body. */
    String outputRoot(String operation);

    /** Extra elements of an error document, such as S3's {@code <Key>} of a NoSuchKey. */
    default Map<String, String> errorDetails(AwsException error, HttpRequest request) {
      return Map.of();
    }
  }

  /**
   * @param operation the operation name, e.g. {@code GetObject}
   * @param labels path label values by their model location name ({@code Bucket}, {@code Key})
   */
  public record Resolved(String operation, Map<String, String> labels) {}

  private final Resolver resolver;
  private final Function<AwsException, AwsException> wording;

  /**
   * @param resolver the service's routing rules
   * @param wording rewrites errors into the service's own words (S3's AccessDenied, InternalError)
   */
  public RestXmlProtocol(Resolver resolver, Function<AwsException, AwsException> wording) {
    this.resolver = resolver;
    this.wording = wording;
  }

  @Override
  public Call decode(HttpRequest request, Service service) {
    Resolved resolved = resolver.resolve(request);
    Operation<?, ?> operation =
        service
            .operation(resolved.operation())
            .orElseThrow(
                () ->
                    new AwsException(
                        AwsError.NOT_IMPLEMENTED,
                        "A header you provided implies functionality that is not implemented"));
    byte[] payload = payload(request);
    Object decoded =
        RestXmlDecoder.decode(operation.builder().get(), request, resolved.labels(), payload);
    return new Call(operation, new RestXmlRequest<>(decoded, payload, request));
  }

  private static byte[] payload(HttpRequest request) {
    return AwsChunked.isStreaming(request.header("x-amz-content-sha256"))
        ? AwsChunked.decode(request.body())
        : request.body();
  }

  @Override
  public HttpResponse success(
      Service service, Operation<?, ?> operation, SdkPojo result, String requestId) {
    RestXmlResult r = result instanceof RestXmlResult x ? x : RestXmlResult.of(result);
    return RestXmlEncoder.encode(r, resolver.outputRoot(operation.name()), service.xmlns())
        .withHeader("x-amz-request-id", requestId)
        .withHeader("x-amz-id-2", hostId());
  }

  @Override
  public HttpResponse error(Service service, AwsException error, String requestId) {
    return error(service, error, requestId, null);
  }

  @Override
  public HttpResponse error(
      Service service, AwsException error, String requestId, HttpRequest request) {
    AwsException worded = wording.apply(error);
    String hostId = hostId();
    boolean head = request != null && "HEAD".equals(request.method());
    Xml xml =
        new Xml()
            .open("Error")
            .element("Code", worded.error().code())
            .element("Message", worded.getMessage());
    if (request != null) {
      details(worded, request).forEach(xml::element);
      xml.element("Resource", request.rawPath());
    }
    xml.element("RequestId", requestId).element("HostId", hostId).close("Error");
    String body = head ? "" : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml;
    return new HttpResponse(
            worded.error().status(),
            Map.of("Content-Type", XML_TYPE),
            body.getBytes(StandardCharsets.UTF_8))
        .withHeader("x-amz-request-id", requestId)
        .withHeader("x-amz-id-2", hostId);
  }

  private Map<String, String> details(AwsException error, HttpRequest request) {
    try {
      return resolver.errorDetails(error, request);
    } catch (AwsException e) {
      return Map.of();
    }
  }

  /** An {@code x-amz-id-2} value: opaque base64, as S3's are. */
  private static String hostId() {
    byte[] bytes = new byte[48];
    ThreadLocalRandom.current().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
