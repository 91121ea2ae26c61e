package dev.iamkata.engine.protocol.restjson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.http.HttpRequest;
import dev.iamkata.engine.http.HttpResponse;
import dev.iamkata.engine.lambda.LambdaService;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.protocol.Protocol.Call;
import dev.iamkata.engine.protocol.Service;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionRequest;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionsRequest;

class RestJsonProtocolTest {
  final RestJsonProtocol protocol = new RestJsonProtocol(LambdaService.ROUTES);
  final Service service =
      Service.of(
          "lambda",
          protocol,
          null,
          "2015-03-31",
          null,
          List.of(
              new Operation<>(
                  "CreateFunction",
                  null,
                  CreateFunctionRequest::builder,
                  (c, r) -> null,
                  (c, r) -> null),
              new Operation<>(
                  "GetFunction", null, GetFunctionRequest::builder, (c, r) -> null, (c, r) -> null),
              new Operation<>(
                  "ListFunctions",
                  null,
                  ListFunctionsRequest::builder,
                  (c, r) -> null,
                  (c, r) -> null),
              new Operation<>(
                  "Invoke", null, InvokeRequest::builder, (c, r) -> null, (c, r) -> null)));

  @Test
  void aBlobPayloadIsTheWholeBodyBothWays() {
    HttpRequest http =
        new HttpRequest(
            "POST",
            "/2015-03-31/functions/f1/invocations",
            "Qualifier=%24LATEST",
            Map.of("x-amz-log-type", List.of("Tail")),
            "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
            "127.0.0.1");
    InvokeRequest r = (InvokeRequest) protocol.decode(http, service).request();
    assertEquals("f1", r.functionName());
    assertEquals("$LATEST", r.qualifier());
    assertEquals("Tail", r.logTypeAsString());
    assertEquals("{\"a\":1}", r.payload().asUtf8String());
    HttpResponse out =
        protocol.success(
            service,
            service.operation("Invoke").orElseThrow(),
            InvokeResponse.builder()
                .statusCode(202)
                .functionError("Unhandled")
                .executedVersion("$LATEST")
                .payload(SdkBytes.fromUtf8String("[1]"))
                .build(),
            "rid");
    assertEquals(202, out.status());
    assertEquals("Unhandled", out.headers().get("X-Amz-Function-Error"));
    assertEquals("$LATEST", out.headers().get("X-Amz-Executed-Version"));
    assertEquals("[1]", new String(out.body(), StandardCharsets.UTF_8));
  }

  static HttpRequest request(String method, String path, String query, String body) {
    return new HttpRequest(
        method, path, query, Map.of(), body.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
  }

  @Test
  void bodyMembersAndBase64Blobs() {
    Call call =
        protocol.decode(
            request(
                "POST",
                "/2015-03-31/functions",
                null,
                "{\"FunctionName\":\"f1\",\"Timeout\":9,\"Code\":{\"ZipFile\":\"UEsDBA==\"}}"),
            service);
    CreateFunctionRequest r = (CreateFunctionRequest) call.request();
    assertEquals("CreateFunction", call.operation().name());
    assertEquals("f1", r.functionName());
    assertEquals(9, r.timeout());
    assertEquals(4, r.code().zipFile().asByteArray().length);
  }

  @Test
  void pathLabelsAndQueryParameters() {
    GetFunctionRequest get =
        (GetFunctionRequest)
            protocol
                .decode(
                    request(
                        "GET",
                        "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A1%3Afunction%3Af1",
                        "Qualifier=%24LATEST",
                        ""),
                    service)
                .request();
    assertEquals("arn:aws:lambda:us-east-1:1:function:f1", get.functionName());
    assertEquals("$LATEST", get.qualifier());
    ListFunctionsRequest list =
        (ListFunctionsRequest)
            protocol
                .decode(request("GET", "/2015-03-31/functions/", "MaxItems=5", ""), service)
                .request();
    assertEquals(5, list.maxItems());
  }

  @Test
  void unknownRoutesAndErrors() {
    AwsException e =
        assertThrows(
            AwsException.class,
            () -> protocol.decode(request("PATCH", "/2015-03-31/functions", null, ""), service));
    assertEquals(AwsError.UNKNOWN_OPERATION, e.error());
    HttpResponse notFound =
        protocol.error(
            service, new AwsException(AwsError.RESOURCE_NOT_FOUND, "Function not found: x"), "id");
    assertEquals(404, notFound.status());
    assertEquals("ResourceNotFoundException", notFound.headers().get("x-amzn-ErrorType"));
    assertEquals(
        "{\"Type\":\"User\",\"Message\":\"Function not found: x\"}",
        new String(notFound.body(), StandardCharsets.UTF_8));
  }
}
