package dev.iamkata.engine.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.protocol.ServiceCalls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link HandlerSpec} in-process as the function's role session: each call goes through
 * {@link ServiceCalls} as {@code caller}, so the role's policies decide it and CloudTrail records
 * it. The first failing call ends the run with an error object in the shape Lambda's runtimes
 * report ({@code errorMessage}, {@code errorType}, {@code requestId}, {@code stackTrace}).
 */
final class FunctionRuntime {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ServiceCalls calls;

  FunctionRuntime(ServiceCalls calls) {
    this.calls = calls;
  }

  /** What a run produced: the returned value or the error object, and the function's log lines. */
  record Outcome(JsonNode payload, boolean failed, List<String> log) {}

  /**
   * Runs {@code spec}.
   *
   * @param scope {@code {"event": …, "env": …, "context": …}}; the run adds {@code steps}
   * @param userAgent what CloudTrail shows for the calls inside
   */
  Outcome run(
      HandlerSpec spec,
      Caller caller,
      ObjectNode scope,
      String requestId,
      Instant now,
      String userAgent) {
    List<String> log = new ArrayList<>();
    ObjectNode outputs = scope.putObject("steps");
    for (HandlerSpec.Step step : spec.steps()) {
      String where = step.where(spec.file());
      try {
        if (!step.isCall()) {
          log.add(
              line(
                  now,
                  requestId,
                  "INFO",
                  Templates.resolve(NODES.textNode(step.log()), scope).asText()));
          continue;
        }
        JsonNode input = Templates.resolve(step.parameters(), scope);
        ServiceCalls.Result result =
            calls.call(caller, step.service(), step.operation(), input, userAgent);
        String op = step.service() + "." + step.operation();
        if (result.failed()) {
          log.add(
              line(
                  now,
                  requestId,
                  "ERROR",
                  op + ": " + result.errorCode() + ": " + result.errorMessage()));
          return failure(
              result.errorCode(), result.errorMessage(), requestId, where + " " + op, log);
        }
        log.add(line(now, requestId, "INFO", op + ": ok"));
        if (step.id() != null) {
          outputs.set(step.id(), result.output());
        }
      } catch (Templates.UnresolvedReference e) {
        log.add(line(now, requestId, "ERROR", where + ": " + e.getMessage()));
        return failure("ReferenceError", e.getMessage(), requestId, where, log);
      }
    }
    try {
      return new Outcome(Templates.resolve(spec.result(), scope), false, log);
    } catch (Templates.UnresolvedReference e) {
      String where = spec.file() + ": return";
      log.add(line(now, requestId, "ERROR", where + ": " + e.getMessage()));
      return failure("ReferenceError", e.getMessage(), requestId, where, log);
    }
  }

  /** The error object of a package without a runnable handler; nothing ran. */
  static Outcome failure(HandlerSpec.HandlerException e, String requestId, Instant now) {
    List<String> log = new ArrayList<>();
    log.add(line(now, requestId, "ERROR", e.type + ": " + e.getMessage()));
    return failure(e.type, e.getMessage(), requestId, null, log);
  }

  private static Outcome failure(
      String type, String message, String requestId, String where, List<String> log) {
    ObjectNode error = NODES.objectNode();
    error.put("errorMessage", message);
    error.put("errorType", type);
    error.put("requestId", requestId);
    ArrayNode trace = error.putArray("stackTrace");
    if (where != null) {
      trace.add(where);
    }
    return new Outcome(error, true, log);
  }

  /** A log line as Lambda's runtimes write them: time, request ID, level, message. */
  private static String line(Instant now, String requestId, String level, String message) {
    return now + "\t" + requestId + "\t" + level + "\t" + message;
  }
}
