package dev.iamkata.engine.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.state.EngineState;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.SdkPojo;

/** An IAM service over fresh state, callers, and a way to call operations through the table. */
abstract class IamTestSupport {
  static final String ACCOUNT = "123456789012";
  static final Instant T0 = Instant.parse("2026-03-01T10:15:30.789Z");

  static final String ALLOW_ALL =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
          + "\"Resource\":\"*\"}]}";
  static final String TRUST_EC2 =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
          + "{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

  static final String ADMIN_ARN = "arn:aws:iam::aws:policy/AdministratorAccess";
  static final String READ_ONLY_ARN = "arn:aws:iam::aws:policy/ReadOnlyAccess";
  static final String SERVICE_ROLE_ARN =
      "arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy";

  /** A small stand-in for AWS's catalogue. */
  static final AwsPolicyCatalog CATALOG =
      AwsPolicyCatalog.of(
          List.of(
              aws("AdministratorAccess", "/", ALLOW_ALL, true),
              aws("ReadOnlyAccess", "/", ALLOW_ALL, true),
              aws("AWSSupportServiceRolePolicy", "/aws-service-role/", ALLOW_ALL, false)));

  /** Accepts JSON, rejects anything else as IAM's parser would. */
  static final PolicyValidator JSON_VALIDATOR =
      (json, trust) -> {
        try {
          new ObjectMapper().readTree(json);
        } catch (IOException e) {
          throw new AwsException(AwsError.MALFORMED_POLICY_DOCUMENT, "Syntax errors in policy.");
        }
        if (trust && !json.contains("Principal")) {
          throw new AwsException(
              AwsError.MALFORMED_POLICY_DOCUMENT, "Missing required field Principal");
        }
      };

  final EngineState state = new EngineState();
  final IamService service = new IamService(state, JSON_VALIDATOR, CATALOG);
  final Map<String, Operation<?, ?>> table =
      service.operations().stream().collect(Collectors.toMap(Operation::name, Function.identity()));

  final Caller admin = user("admin", T0);

  static PolicyInfo aws(String name, String path, String document, boolean attachable) {
    Instant created = Instant.parse("2015-02-06T18:39:46Z");
    return new PolicyInfo(
        name,
        "ANPA" + name.toUpperCase().substring(0, 10) + "0000000",
        "arn:aws:iam::aws:policy" + path + name,
        path,
        "v3",
        created,
        Instant.parse("2020-01-01T00:00:00Z"),
        "AWS policy " + name,
        document,
        true,
        attachable);
  }

  static Caller user(String name, Instant time) {
    return new Caller(
        Caller.Type.USER,
        ACCOUNT,
        "arn:aws:iam::" + ACCOUNT + ":user/" + name,
        "AIDAEXAMPLE" + name.toUpperCase(),
        name,
        "AKIAEXAMPLE00000000",
        null,
        "us-east-1",
        "127.0.0.1",
        time);
  }

  static Caller root() {
    return new Caller(
        Caller.Type.ROOT,
        ACCOUNT,
        "arn:aws:iam::" + ACCOUNT + ":root",
        ACCOUNT,
        null,
        "AKIAROOT000000000000",
        null,
        "us-east-1",
        "127.0.0.1",
        T0);
  }

  static Caller roleSession() {
    return new Caller(
        Caller.Type.ASSUMED_ROLE,
        ACCOUNT,
        "arn:aws:sts::" + ACCOUNT + ":assumed-role/app/session",
        "AROAEXAMPLEAPP:session",
        "app",
        "ASIAEXAMPLE00000000",
        null,
        "us-east-1",
        "127.0.0.1",
        T0);
  }

  /** Calls an operation through the routing table, as the dispatcher does after decoding. */
  @SuppressWarnings("unchecked")
  <R extends SdkPojo> R call(Caller caller, String name, Object request) {
    Operation<?, ?> op = table.get(name);
    if (op == null) {
      throw new AssertionError("no operation " + name);
    }
    return (R) op.handle(caller, request);
  }

  <R extends SdkPojo> R call(String name, Object request) {
    return call(admin, name, request);
  }

  static AwsException fails(AwsError error, String message, Executable call) {
    AwsException e = assertThrows(AwsException.class, call);
    assertEquals(error, e.error(), e.getMessage());
    if (message != null) {
      assertEquals(message, e.getMessage());
    }
    return e;
  }
}
