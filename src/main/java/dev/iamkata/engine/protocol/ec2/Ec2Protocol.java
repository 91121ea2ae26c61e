package dev.iamkata.engine.protocol.ec2;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.api.Denial;
import dev.iamkata.engine.auth.Sealer;
import dev.iamkata.engine.http.HttpRequest;
import dev.iamkata.engine.http.HttpResponse;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.protocol.Protocol;
import dev.iamkata.engine.protocol.Service;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.EngineState;
import dev.iamkata.engine.state.Role;
import dev.iamkata.engine.state.User;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The EC2 protocol codec. A refusal becomes {@code UnauthorizedOperation} (403) worded as EC2 words
 * it: {@code You are not authorized to perform this operation. User: P is not authorized to
 * perform: A because …} for actions without resource-level permissions (Describe*), and with {@code
 * on resource: R} and an {@code Encoded authorization failure message: …} for the others. The
 * encoded message is the decision as JSON sealed with the engine's {@link Sealer}, so {@code aws
 * sts decode-authorization-message} opens it.
 */
public final class Ec2Protocol implements Protocol {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String XML = "text/xml;charset=UTF-8";

  private final Sealer sealer;
  private final EngineState state;

  public Ec2Protocol(Sealer sealer, EngineState state) {
    this.sealer = sealer;
    this.state = state;
  }

  @Override
  public Call decode(HttpRequest request, Service service) {
    Map<String, String> params = request.formParameters();
    String action = params.get("Action");
    if (action == null || action.isEmpty()) {
      throw new AwsException(
          AwsError.MISSING_ACTION, "The request must contain the parameter Action");
    }
    Operation<?, ?> operation =
        service
            .operation(action)
            .orElseThrow(
                () ->
                    new AwsException(
                        AwsError.INVALID_ACTION,
                        "The action " + action + " is not valid for this web service."));
    return new Call(operation, Ec2Codec.decode(operation.builder().get(), params));
  }

  @Override
  public HttpResponse success(
      Service service, Operation<?, ?> operation, SdkPojo result, String requestId) {
    String body = Ec2Codec.response(operation.name(), service.xmlns(), result, requestId);
    return HttpResponse.of(200, XML, body);
  }

  @Override
  public HttpResponse error(Service service, AwsException error, String requestId) {
    String code = error.error().code();
    String message = error.getMessage();
    int status = error.error().status();
    if (error.denial().isPresent()) {
      code = AwsError.UNAUTHORIZED_OPERATION.code();
      message = unauthorized(error.denial().get());
      status = 403;
    } else if (error.error() == AwsError.INVALID_CLIENT_TOKEN_ID) {
      code = AwsError.AUTH_FAILURE.code();
      message = "AWS was not able to validate the provided access credentials";
      status = 401;
    } else if (error.error() == AwsError.INTERNAL_FAILURE) {
      code = "InternalError";
      message = "An internal error has occurred";
    }
    return HttpResponse.of(status, XML, Ec2Codec.error(code, message, requestId));
  }

  /** EC2's wording of a refusal, with the sealed decision for resource-level actions. */
  String unauthorized(Denial d) {
    String base = "You are not authorized to perform this operation. User: " + d.principalArn();
    String why = d.reason().isEmpty() ? "" : " " + d.reason();
    if ("*".equals(d.resource())) {
      return base + " is not authorized to perform: " + d.action() + why;
    }
    return base
        + " is not authorized to perform: "
        + d.action()
        + " on resource: "
        + d.resource()
        + why
        + ". Encoded authorization failure message: "
        + sealer.seal(decision(d).getBytes(StandardCharsets.UTF_8));
  }

  /** The decision as {@code aws sts decode-authorization-message} shows it. */
  String decision(Denial d) {
    ObjectNode root = JSON.createObjectNode();
    root.put("allowed", false);
    root.put("explicitDeny", d.reason().contains("explicit deny"));
    root.putObject("matchedStatements").putArray("items");
    root.putObject("failures").putArray("items");
    ObjectNode context = root.putObject("context");
    ObjectNode principal = context.putObject("principal");
    resolve(d.principalArn(), principal);
    principal.put("arn", d.principalArn());
    context.put("action", d.action());
    context.put("resource", d.resource());
    ArrayNode items = context.putObject("conditions").putArray("items");
    String[] arn = d.resource().split(":", 6);
    if (arn.length == 6) {
      condition(items, "aws:Resource", arn[5]);
      condition(items, "aws:Account", arn[4]);
      if (!arn[3].isEmpty()) {
        condition(items, "aws:Region", arn[3]);
        condition(items, arn[2] + ":Region", arn[3]);
      }
      condition(items, "aws:Service", arn[2]);
      condition(items, "aws:Type", arn[5].split("/", 2)[0]);
      condition(items, "aws:ARN", d.resource());
    }
    return root.toString();
  }

  private static void condition(ArrayNode items, String key, String value) {
    ObjectNode item = items.addObject();
    item.put("key", key);
    item.putObject("values").putArray("items").addObject().put("value", value);
  }

  /** The principal's unique ID (and name, for users) from the state. */
  private void resolve(String principalArn, ObjectNode principal) {
    String[] parts = principalArn.split(":", 6);
    if (parts.length < 6) {
      return;
    }
    String account = parts[4];
    String resource = parts[5];
    state.read(
        () -> {
          Account a = state.account(account).orElse(null);
          if (resource.equals("root")) {
            principal.put("id", account);
          } else if (resource.startsWith("assumed-role/") && a != null) {
            String[] rs = resource.split("/");
            Role role = a.roles.get(Account.key(rs[1]));
            if (role != null && rs.length > 2) {
              principal.put("id", role.id + ":" + rs[2]);
            }
          } else if (resource.startsWith("user/") && a != null) {
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            User user = a.users.get(Account.key(name));
            if (user != null) {
              principal.put("id", user.id);
              principal.put("name", user.name);
            }
          } else if (resource.startsWith("federated-user/")) {
            principal.put("id", account + ":" + resource.substring("federated-user/".length()));
          }
          return null;
        });
  }
}
