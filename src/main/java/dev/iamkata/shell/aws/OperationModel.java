package dev.iamkata.shell.aws;

import dev.iamkata.shell.aws.args.CliNames;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * One API operation as the CLI offers it, discovered from the SDK client interface: the method
 * {@code getRole(GetRoleRequest)} is the operation {@code GetRole}, typed {@code get-role}, and its
 * request's {@code sdkFields()} are its {@code --flags}.
 *
 * @param service the service
 * @param name the API operation name ({@code GetRole})
 * @param cliName the CLI's name ({@code get-role})
 * @param method the client method that calls it
 * @param requestType the SDK request class
 */
public record OperationModel(
    AwsService service, String name, String cliName, Method method, Class<?> requestType) {

  private static final Map<AwsService, Map<String, OperationModel>> CATALOGUE =
      new ConcurrentHashMap<>();

  /** The operations of {@code service} by CLI name, sorted. */
  public static Map<String, OperationModel> of(AwsService service) {
    return CATALOGUE.computeIfAbsent(service, OperationModel::discover);
  }

  private static Map<String, OperationModel> discover(AwsService service) {
    Map<String, OperationModel> out = new TreeMap<>();
    for (Method m : service.clientType().getMethods()) {
      Class<?>[] params = m.getParameterTypes();
      if (params.length != 1
          || !SdkRequest.class.isAssignableFrom(params[0])
          || !SdkResponse.class.isAssignableFrom(m.getReturnType())) {
        continue;
      }
      String name = Character.toUpperCase(m.getName().charAt(0)) + m.getName().substring(1);
      String cli = CliNames.kebab(name);
      out.put(cli, new OperationModel(service, name, cli, m, params[0]));
    }
    if (service == AwsService.S3API) {
      // the streaming operations have no one-argument method returning a response
      streaming(out, service, "GetObject", "getObjectAsBytes", GetObjectRequest.class);
      streaming(out, service, "PutObject", "putObject", PutObjectRequest.class, RequestBody.class);
    }
    return Collections.unmodifiableMap(out);
  }

  private static void streaming(
      Map<String, OperationModel> out,
      AwsService service,
      String name,
      String method,
      Class<?>... params) {
    try {
      Method m = service.clientType().getMethod(method, params);
      String cli = CliNames.kebab(name);
      out.put(cli, new OperationModel(service, name, cli, m, params[0]));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("no " + method + " on " + service.clientType(), e);
    }
  }

  /** A new, empty request builder. */
  public SdkPojo newBuilder() {
    try {
      return (SdkPojo) requestType.getMethod("builder").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no builder for " + requestType, e);
    }
  }

  /** The request's members, in the model's order. */
  public List<SdkField<?>> fields() {
    return newBuilder().sdkFields();
  }
}
