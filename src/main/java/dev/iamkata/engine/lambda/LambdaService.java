package dev.iamkata.engine.lambda;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.authz.Authorizer;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.protocol.Service;
import dev.iamkata.engine.protocol.ServiceCalls;
import dev.iamkata.engine.protocol.restjson.RestJsonProtocol;
import dev.iamkata.engine.protocol.restjson.RestJsonProtocol.Route;
import dev.iamkata.engine.state.EngineState;
import dev.iamkata.engine.state.ServiceData;
import dev.iamkata.engine.sts.ServiceSessions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionRequest;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionResponse;
import software.amazon.awssdk.services.lambda.model.EnvironmentResponse;
import software.amazon.awssdk.services.lambda.model.FunctionCodeLocation;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionsRequest;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;

/**
 * Lambda functions per account and region, kept in memory and in snapshots ({@link #data()}). Each
 * operation is authorized as {@code lambda:Op} on the function's ARN; giving a function a role also
 * needs {@code iam:PassRole} on the role with {@code iam:PassedToService} = {@code
 * lambda.amazonaws.com}, and the role's trust policy must let {@code lambda.amazonaws.com} assume
 * it. Invoke runs a function's handler file in the engine's declarative runtime as its execution
 * role (see {@link Invocations}).
 */
public final class LambdaService {
  /** The HTTP bindings, from botocore's {@code lambda/2015-03-31/service-2.json}. */
  public static final List<Route> ROUTES =
      List.of(
          new Route("CreateFunction", "POST", "/2015-03-31/functions", 201),
          new Route("ListFunctions", "GET", "/2015-03-31/functions/", 200),
          new Route("ListFunctions", "GET", "/2015-03-31/functions", 200),
          new Route("GetFunction", "GET", "/2015-03-31/functions/{FunctionName}", 200),
          new Route(
              "GetFunctionConfiguration",
              "GET",
              "/2015-03-31/functions/{FunctionName}/configuration",
              200),
          new Route(
              "UpdateFunctionConfiguration",
              "PUT",
              "/2015-03-31/functions/{FunctionName}/configuration",
              200),
          new Route("DeleteFunction", "DELETE", "/2015-03-31/functions/{FunctionName}", 204),
          new Route("Invoke", "POST", "/2015-03-31/functions/{FunctionName}/invocations", 200));

  private static final String LAMBDA = "lambda.amazonaws.com";
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
  private static final Pattern ROLE_ARN =
      Pattern.compile("arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
  private static final DateTimeFormatter MODIFIED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

  private final EngineState state;
  private final Authorizer authorizer;
  private final ServiceSessions sessions;
  private final Invocations invocations;

  /** The functions; guarded by {@code this}. */
  private final FunctionStore store = new FunctionStore(this);

  /**
   * @param sessions opens the execution role's sessions
   * @param callers the caller of the calls a function makes, from its session
   * @param calls runs those calls through the engine's pipeline (bound once the engine is wired)
   */
  public LambdaService(
      EngineState state,
      Authorizer authorizer,
      ServiceSessions sessions,
      SessionCallers callers,
      Supplier<ServiceCalls> calls) {
    this.state = state;
    this.authorizer = authorizer;
    this.sessions = sessions;
    this.invocations = new Invocations(sessions, callers, calls);
  }

  /** The functions, with their packages, in snapshots. */
  public ServiceData data() {
    return store.data();
  }

  /** The routing table, as a {@link Service} of the rest-json protocol. */
  public Service service() {
    List<Operation<?, ?>> rows =
        List.of(
            new Operation<>(
                "CreateFunction",
                "lambda:CreateFunction",
                CreateFunctionRequest::builder,
                (Caller c, CreateFunctionRequest r) -> arn(c, r.functionName()),
                this::createFunction),
            new Operation<>(
                "ListFunctions",
                "lambda:ListFunctions",
                ListFunctionsRequest::builder,
                (Caller c, ListFunctionsRequest r) -> "*",
                this::listFunctions),
            new Operation<>(
                "GetFunction",
                "lambda:GetFunction",
                GetFunctionRequest::builder,
                (Caller c, GetFunctionRequest r) -> arn(c, r.functionName()),
                this::getFunction),
            new Operation<>(
                "GetFunctionConfiguration",
                "lambda:GetFunctionConfiguration",
                GetFunctionConfigurationRequest::builder,
                (Caller c, GetFunctionConfigurationRequest r) -> arn(c, r.functionName()),
                this::getFunctionConfiguration),
            new Operation<>(
                "UpdateFunctionConfiguration",
                "lambda:UpdateFunctionConfiguration",
                UpdateFunctionConfigurationRequest::builder,
                (Caller c, UpdateFunctionConfigurationRequest r) -> arn(c, r.functionName()),
                this::updateFunctionConfiguration),
            new Operation<>(
                "DeleteFunction",
                "lambda:DeleteFunction",
                DeleteFunctionRequest::builder,
                (Caller c, DeleteFunctionRequest r) -> arn(c, r.functionName()),
                this::deleteFunction),
            new Operation<>(
                "Invoke",
                "lambda:InvokeFunction",
                InvokeRequest::builder,
                (Caller c, InvokeRequest r) -> arn(c, r.functionName()),
                this::invoke));
    return Service.of("lambda", new RestJsonProtocol(ROUTES), null, "2015-03-31", null, rows);
  }

  /** The function's ARN; {@code name} may already be one (or a partial {@code ACCT:function:N}). */
  private static String arn(Caller caller, String name) {
    return "arn:aws:lambda:" + caller.region() + ":" + caller.account() + ":function:" + name(name);
  }

  /** The bare function name of a name or ARN. */
  private static String name(String nameOrArn) {
    if (nameOrArn == null) {
      return "";
    }
    int at = nameOrArn.lastIndexOf(":function:");
    return at < 0 ? nameOrArn : nameOrArn.substring(at + ":function:".length());
  }

  private Map<String, StoredFunction> regionFunctions(Caller caller) {
    return store.region(state, caller);
  }

  private StoredFunction existing(Caller caller, String nameOrArn) {
    StoredFunction function = regionFunctions(caller).get(name(nameOrArn));
    if (function == null) {
      throw new AwsException(
          AwsError.RESOURCE_NOT_FOUND, "Function not found: " + arn(caller, nameOrArn));
    }
    return function;
  }

  private synchronized CreateFunctionResponse createFunction(
      Caller caller, CreateFunctionRequest r) {
    String name = r.functionName();
    if (name == null || !NAME.matcher(name(name)).matches()) {
      throw validation("functionName", name, "regular expression pattern: " + NAME.pattern());
    }
    name = name(name);
    checkRole(caller, r.role());
    Map<String, StoredFunction> region = regionFunctions(caller);
    if (region.containsKey(name)) {
      throw new AwsException(AwsError.RESOURCE_CONFLICT, "Function already exist: " + name);
    }
    byte[] zip =
        r.code() == null || r.code().zipFile() == null
            ? new byte[0]
            : r.code().zipFile().asByteArray();
    FunctionConfiguration.Builder config =
        FunctionConfiguration.builder()
            .functionName(name)
            .functionArn(arn(caller, name))
            .runtime(r.runtimeAsString())
            .role(r.role())
            .handler(r.handler())
            .codeSize((long) zip.length)
            .codeSha256(sha256(zip))
            .description(r.description() == null ? "" : r.description())
            .timeout(r.timeout() == null ? 3 : r.timeout())
            .memorySize(r.memorySize() == null ? 128 : r.memorySize())
            .lastModified(MODIFIED.format(caller.time()))
            .version("$LATEST")
            .revisionId(UUID.randomUUID().toString())
            .state("Active")
            .lastUpdateStatus("Successful")
            .packageType(r.packageTypeAsString() == null ? "Zip" : r.packageTypeAsString())
            .architecturesWithStrings(
                r.hasArchitectures() ? r.architecturesAsStrings() : List.of("x86_64"));
    if (r.environment() != null && r.environment().hasVariables()) {
      config.environment(
          EnvironmentResponse.builder().variables(r.environment().variables()).build());
    }
    FunctionConfiguration built = config.build();
    region.put(name, new StoredFunction(built, zip));
    return CreateFunctionResponse.builder().applyMutation(b -> copy(built, b)).build();
  }

  private static void copy(FunctionConfiguration c, CreateFunctionResponse.Builder b) {
    b.functionName(c.functionName())
        .functionArn(c.functionArn())
        .runtime(c.runtimeAsString())
        .role(c.role())
        .handler(c.handler())
        .codeSize(c.codeSize())
        .codeSha256(c.codeSha256())
        .description(c.description())
        .timeout(c.timeout())
        .memorySize(c.memorySize())
        .lastModified(c.lastModified())
        .version(c.version())
        .revisionId(c.revisionId())
        .state(c.stateAsString())
        .lastUpdateStatus(c.lastUpdateStatusAsString())
        .packageType(c.packageTypeAsString())
        .architecturesWithStrings(c.architecturesAsStrings())
        .environment(c.environment());
  }

  private synchronized ListFunctionsResponse listFunctions(Caller caller, ListFunctionsRequest r) {
    List<FunctionConfiguration> all = new ArrayList<>();
    regionFunctions(caller).values().forEach(f -> all.add(f.config()));
    return ListFunctionsResponse.builder().functions(all).build();
  }

  private synchronized GetFunctionResponse getFunction(Caller caller, GetFunctionRequest r) {
    StoredFunction function = existing(caller, r.functionName());
    return GetFunctionResponse.builder()
        .configuration(function.config())
        .code(
            FunctionCodeLocation.builder()
                .repositoryType("S3")
                .location(
                    "https://awslambda-"
                        + caller.region()
                        + "-tasks.s3."
                        + caller.region()
                        + ".amazonaws.com/snapshots/"
                        + caller.account()
                        + "/"
                        + function.config().functionName())
                .build())
        .build();
  }

  private synchronized GetFunctionConfigurationResponse getFunctionConfiguration(
      Caller caller, GetFunctionConfigurationRequest r) {
    FunctionConfiguration c = existing(caller, r.functionName()).config();
    return GetFunctionConfigurationResponse.builder()
        .functionName(c.functionName())
        .functionArn(c.functionArn())
        .runtime(c.runtimeAsString())
        .role(c.role())
        .handler(c.handler())
        .codeSize(c.codeSize())
        .codeSha256(c.codeSha256())
        .description(c.description())
        .timeout(c.timeout())
        .memorySize(c.memorySize())
        .lastModified(c.lastModified())
        .version(c.version())
        .revisionId(c.revisionId())
        .state(c.stateAsString())
        .lastUpdateStatus(c.lastUpdateStatusAsString())
        .packageType(c.packageTypeAsString())
        .architecturesWithStrings(c.architecturesAsStrings())
        .environment(c.environment())
        .build();
  }

  private synchronized UpdateFunctionConfigurationResponse updateFunctionConfiguration(
      Caller caller, UpdateFunctionConfigurationRequest r) {
    StoredFunction function = existing(caller, r.functionName());
    if (r.role() != null) {
      checkRole(caller, r.role());
    }
    FunctionConfiguration.Builder b = function.config().toBuilder();
    if (r.role() != null) {
      b.role(r.role());
    }
    if (r.handler() != null) {
      b.handler(r.handler());
    }
    if (r.runtimeAsString() != null) {
      b.runtime(r.runtimeAsString());
    }
    if (r.description() != null) {
      b.description(r.description());
    }
    if (r.timeout() != null) {
      b.timeout(r.timeout());
    }
    if (r.memorySize() != null) {
      b.memorySize(r.memorySize());
    }
    if (r.environment() != null) {
      b.environment(EnvironmentResponse.builder().variables(r.environment().variables()).build());
    }
    FunctionConfiguration c =
        b.lastModified(MODIFIED.format(caller.time()))
            .revisionId(UUID.randomUUID().toString())
            .build();
    regionFunctions(caller).put(c.functionName(), new StoredFunction(c, function.zip()));
    return UpdateFunctionConfigurationResponse.builder()
        .functionName(c.functionName())
        .functionArn(c.functionArn())
        .runtime(c.runtimeAsString())
        .role(c.role())
        .handler(c.handler())
        .codeSize(c.codeSize())
        .codeSha256(c.codeSha256())
        .description(c.description())
        .timeout(c.timeout())
        .memorySize(c.memorySize())
        .lastModified(c.lastModified())
        .version(c.version())
        .revisionId(c.revisionId())
        .state(c.stateAsString())
        .lastUpdateStatus(c.lastUpdateStatusAsString())
        .packageType(c.packageTypeAsString())
        .architecturesWithStrings(c.architecturesAsStrings())
        .environment(c.environment())
        .build();
  }

  private synchronized DeleteFunctionResponse deleteFunction(
      Caller caller, DeleteFunctionRequest r) {
    existing(caller, r.functionName());
    regionFunctions(caller).remove(name(r.functionName()));
    return DeleteFunctionResponse.builder().build();
  }

  private InvokeResponse invoke(Caller caller, InvokeRequest r) {
    String qualifier = r.qualifier();
    StoredFunction function;
    synchronized (this) {
      function = existing(caller, r.functionName());
    }
    if (qualifier != null && !qualifier.equals("$LATEST")) {
      throw new AwsException(
          AwsError.RESOURCE_NOT_FOUND,
          "Function not found: " + arn(caller, r.functionName()) + ":" + qualifier);
    }
    // outside the lock: the calls inside may come back to Lambda
    return invocations.invoke(caller, r, function.config(), function.zip());
  }

  /**
   * Giving a function {@code roleArn}: the caller must be allowed {@code iam:PassRole} on it for
   * Lambda, and its trust policy must let {@code lambda.amazonaws.com} assume it.
   */
  private void checkRole(Caller caller, String roleArn) {
    if (roleArn == null || !ROLE_ARN.matcher(roleArn).matches()) {
      throw validation("role", roleArn, "regular expression pattern: " + ROLE_ARN.pattern());
    }
    authorizer.authorize(
        caller, "iam:PassRole", roleArn, Map.of("iam:PassedToService", List.of(LAMBDA)));
    boolean trusted = sessions.role(roleArn).filter(r -> sessions.trusts(r, LAMBDA)).isPresent();
    if (!trusted) {
      throw new AwsException(
          AwsError.INVALID_PARAMETER_VALUE_EXCEPTION,
          "The role defined for the function cannot be assumed by Lambda.");
    }
  }

  private static AwsException validation(String member, String value, String constraint) {
    return new AwsException(
        AwsError.VALIDATION_EXCEPTION,
        "1 validation error detected: Value '"
            + value
            + "' at '"
            + member
            + "' failed to satisfy constraint: Member must satisfy "
            + constraint);
  }

  private static String sha256(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
