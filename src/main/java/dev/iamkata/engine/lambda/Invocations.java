package dev.iamkata.engine.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.auth.SessionClaims;
import dev.iamkata.engine.protocol.ServiceCalls;
import dev.iamkata.engine.state.Role;
import dev.iamkata.engine.sts.ServiceSessions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Lambda's Invoke: Lambda assumes the function's execution role (session name = function name, as
 * AWS does) and the declarative runtime runs the handler file of the function's package with those
 * credentials. {@code RequestResponse} returns the handler's value (200), or its error object with
 * {@code X-Amz-Function-Error: Unhandled}; {@code Event} runs it and answers 202 without a payload;
 * {@code DryRun} only checks the permission (204). Event invocations run before the answer, so
 * their effects are visible at once.
 */
final class Invocations {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LAMBDA = "lambda.amazonaws.com";
  private static final int LOG_TAIL_BYTES = 4096;

  /** How deep functions may invoke functions (themselves, in a loop) within one request. */
  static final int MAX_DEPTH = 16;

  /** Invocations running on this thread: a function's calls run on its invoker's thread. */
  private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);

  private final ServiceSessions sessions;
  private final SessionCallers callers;
  private final Supplier<ServiceCalls> calls;

  Invocations(ServiceSessions sessions, SessionCallers callers, Supplier<ServiceCalls> calls) {
    this.sessions = sessions;
    this.callers = callers;
    this.calls = calls;
  }

  InvokeResponse invoke(Caller caller, InvokeRequest r, FunctionConfiguration config, byte[] zip) {
    String type =
        r.invocationTypeAsString() == null ? "RequestResponse" : r.invocationTypeAsString();
    if (!List.of("RequestResponse", "Event", "DryRun").contains(type)) {
      throw new AwsException(
          AwsError.VALIDATION_EXCEPTION,
          "1 validation error detected: Value '"
              + type
              + "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum"
              + " value set: [Event, RequestResponse, DryRun]");
    }
    JsonNode event = event(r.payload());
    if (type.equals("DryRun")) {
      return InvokeResponse.builder().statusCode(204).build();
    }
    Role role = executionRole(config.role());
    int level = depth.get();
    if (level >= MAX_DEPTH) {
      throw new AwsException(
          AwsError.RECURSIVE_INVOCATION,
          "The function "
              + config.functionName()
              + " was invoked by a chain of "
              + MAX_DEPTH
              + " functions invoking each other; the engine stopped the recursive loop.");
    }
    String requestId = UUID.randomUUID().toString();
    long started = System.nanoTime();
    SessionClaims claims =
        sessions.open(
            role,
            LAMBDA,
            config.functionName(),
            caller.region(),
            caller.time(),
            Duration.ofHours(1));
    Caller self = callers.caller(claims, caller.region(), "127.0.0.1");
    FunctionRuntime.Outcome outcome;
    depth.set(level + 1);
    try {
      outcome = run(config, zip, self, event, requestId);
    } finally {
      depth.set(level);
    }
    double millis = (System.nanoTime() - started) / 1e6;
    if (type.equals("Event")) {
      return InvokeResponse.builder().statusCode(202).build();
    }
    InvokeResponse.Builder out =
        InvokeResponse.builder()
            .statusCode(200)
            .executedVersion("$LATEST")
            .payload(SdkBytes.fromUtf8String(outcome.payload().toString()));
    if (outcome.failed()) {
      out.functionError("Unhandled");
    }
    if ("Tail".equals(r.logTypeAsString())) {
      out.logResult(logResult(requestId, outcome.log(), millis, config.memorySize()));
    }
    return out.build();
  }

  private FunctionRuntime.Outcome run(
      FunctionConfiguration config, byte[] zip, Caller self, JsonNode event, String requestId) {
    HandlerSpec spec;
    try {
      spec = HandlerSpec.fromZip(zip, config.handler());
    } catch (HandlerSpec.HandlerException e) {
      return FunctionRuntime.failure(e, requestId, self.time());
    }
    ObjectNode scope = JSON.createObjectNode();
    scope.set("event", event);
    ObjectNode env = scope.putObject("env");
    if (config.environment() != null && config.environment().hasVariables()) {
      config.environment().variables().forEach(env::put);
    }
    ObjectNode context = scope.putObject("context");
    context.put("functionName", config.functionName());
    context.put("functionVersion", "$LATEST");
    context.put("invokedFunctionArn", config.functionArn());
    context.put("memoryLimitInMB", String.valueOf(config.memorySize()));
    context.put("awsRequestId", requestId);
    context.put("region", self.region());
    String userAgent = "iam-kata-lambda-runtime exec-env/AWS_Lambda_" + config.runtimeAsString();
    return new FunctionRuntime(calls.get())
        .run(spec, self, scope, requestId, self.time(), userAgent);
  }

  /** The invocation's event: the payload as JSON, {@code {}} when there is none. */
  private static JsonNode event(SdkBytes payload) {
    if (payload == null || payload.asByteArrayUnsafe().length == 0) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(payload.asByteArrayUnsafe());
    } catch (JsonProcessingException e) {
      throw new AwsException(
          AwsError.INVALID_REQUEST_CONTENT,
          "Could not parse request body into json: Could not parse payload into json: "
              + e.getOriginalMessage());
    } catch (IOException e) {
      throw new AwsException(
          AwsError.INVALID_REQUEST_CONTENT, "Could not parse request body into json");
    }
  }

  /** The role Lambda can assume for the function, or the error Lambda gives when it cannot. */
  private Role executionRole(String roleArn) {
    Optional<Role> role = sessions.role(roleArn).filter(r -> sessions.trusts(r, LAMBDA));
    return role.orElseThrow(
        () ->
            new AwsException(
                AwsError.INVALID_PARAMETER_VALUE_EXCEPTION,
                "The role defined for the function cannot be assumed by Lambda."));
  }

  /** The last 4 KB of the START / lines / END / REPORT log, base64-encoded as Lambda sends it. */
  static String logResult(String requestId, List<String> lines, double millis, Integer memory) {
    List<String> all = new ArrayList<>();
    all.add("START RequestId: " + requestId + " Version: $LATEST");
    all.addAll(lines);
    all.add("END RequestId: " + requestId);
    int mb = memory == null ? 128 : memory;
    all.add(
        String.format(
            java.util.Locale.ROOT,
            "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB"
                + "\tMax Memory Used: %d MB\t",
            requestId,
            millis,
            (long) Math.ceil(millis),
            mb,
            Math.min(mb, 64)));
    byte[] log = (String.join("\n", all) + "\n").getBytes(StandardCharsets.UTF_8);
    int from = Math.max(0, log.length - LOG_TAIL_BYTES);
    return Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(log, from, log.length));
  }
}
