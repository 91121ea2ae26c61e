package dev.iamkata.engine.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.protocol.Service;
import dev.iamkata.engine.protocol.query.QueryProtocol;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

class RouterTest {
  static final Service IAM = service("iam", "ListUsers");
  static final Service STS = service("sts", "GetCallerIdentity");
  static final Router ROUTER = new Router(List.of(IAM, STS));

  static Service service(String name, String op) {
    return Service.of(
        name,
        new QueryProtocol(),
        "urn:" + name,
        "v",
        null,
        List.of(
            new Operation<GetCallerIdentityRequest, GetCallerIdentityResponse>(
                op, null, GetCallerIdentityRequest::builder, (c, r) -> "*", (c, r) -> null)));
  }

  static HttpRequest request(Map<String, List<String>> headers, String query, String body) {
    return new HttpRequest(
        "POST", "/", query, headers, body.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
  }

  @Test
  void theCredentialScopeDecides() {
    HttpRequest r =
        request(
            Map.of(
                "authorization",
                List.of(
                    "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261123/us-east-1/iam/aws4_request,"
                        + " SignedHeaders=host, Signature=abc")),
            null,
            "");
    assertEquals("iam", Router.signingName(r));
    assertEquals(IAM, ROUTER.route(r).orElseThrow());
  }

  @Test
  void presignedScopeAndUnknownServices() {
    HttpRequest r =
        request(
            Map.of(),
            "Action=GetCallerIdentity&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20261123%2Fus-east-1%2Fs3%2Faws4_request",
            "");
    assertEquals("s3", Router.signingName(r));
    assertTrue(ROUTER.route(r).isEmpty());
  }

  @Test
  void unsignedRequestsGoByActionThenFallBack() {
    HttpRequest listUsers =
        request(
            Map.of("content-type", List.of("application/x-www-form-urlencoded")),
            null,
            "Action=ListUsers&Version=2010-05-08");
    assertNull(Router.signingName(listUsers));
    assertEquals(IAM, ROUTER.route(listUsers).orElseThrow());
    assertEquals(STS, ROUTER.route(request(Map.of(), null, "")).orElseThrow());
    Service s3 = service("s3", "GetObject");
    Router withS3 = new Router(List.of(IAM, s3, STS));
    HttpRequest anonymousGet =
        new HttpRequest("GET", "/bucket/key", null, Map.of(), new byte[0], "127.0.0.1");
    assertEquals(s3, withS3.route(anonymousGet).orElseThrow());
    assertEquals(STS, withS3.route(request(Map.of(), null, "")).orElseThrow());
  }
}
