package dev.iamkata.shell;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkRequest;

/**
 * The aws CLI's services, commands and flags for completion, read from the AWS SDK's model classes
 * (the client interface's operations and each request's {@code SdkField} member names), kebab-cased
 * as the CLI spells them: {@code ListMFADevices} → {@code list-mfa-devices}, {@code RoleName} →
 * {@code --role-name}. Loaded lazily per service.
 */
public final class AwsCatalogue {
  /** The CLI's service names for the services the engine serves, and their SDK client interface. */
  private static final Map<String, String> CLIENTS =
      Map.of(
          "iam", "software.amazon.awssdk.services.iam.IamClient",
          "sts", "software.amazon.awssdk.services.sts.StsClient",
          "s3api", "software.amazon.awssdk.services.s3.S3Client",
          "dynamodb", "software.amazon.awssdk.services.dynamodb.DynamoDbClient",
          "ec2", "software.amazon.awssdk.services.ec2.Ec2Client",
          "lambda", "software.amazon.awssdk.services.lambda.LambdaClient",
          "cloudtrail", "software.amazon.awssdk.services.cloudtrail.CloudTrailClient");

  /** Commands that are the CLI's own rather than an API operation. */
  private static final Map<String, List<String>> CUSTOM =
      Map.of(
          "s3", List.of("cp", "ls", "mb", "mv", "presign", "rb", "rm", "sync"),
          "configure", List.of("get", "list", "set"));

  /** The CLI's global options. */
  public static final List<String> GLOBAL_FLAGS =
      List.of(
          "--debug",
          "--endpoint-url",
          "--no-cli-pager",
          "--no-paginate",
          "--output",
          "--profile",
          "--query",
          "--region");

  private final Map<String, Map<String, List<String>>> loaded = new ConcurrentHashMap<>();

  /** The service names, sorted. */
  public List<String> services() {
    TreeSet<String> all = new TreeSet<>(CLIENTS.keySet());
    all.addAll(CUSTOM.keySet());
    return List.copyOf(all);
  }

  /** The commands of {@code service}, sorted; empty for an unknown service. */
  public List<String> commands(String service) {
    if (CUSTOM.containsKey(service)) {
      return CUSTOM.get(service);
    }
    return List.copyOf(operations(service).keySet());
  }

  /** The flags of {@code service command} (its members as {@code --kebab}), sorted. */
  public List<String> flags(String service, String command) {
    return operations(service).getOrDefault(command, List.of());
  }

  private Map<String, List<String>> operations(String service) {
    String client = CLIENTS.get(service);
    if (client == null) {
      return Map.of();
    }
    return loaded.computeIfAbsent(service, s -> load(client));
  }

  private static Map<String, List<String>> load(String clientClass) {
    Map<String, List<String>> ops = new TreeMap<>();
    try {
      Class<?> client = Class.forName(clientClass);
      for (Method m : client.getMethods()) {
        Class<?>[] params = m.getParameterTypes();
        if (params.length != 1
            || !SdkRequest.class.isAssignableFrom(params[0])
            || Modifier.isStatic(m.getModifiers())) {
          continue;
        }
        String request = params[0].getSimpleName();
        String operation = request.substring(0, request.length() - "Request".length());
        ops.computeIfAbsent(kebab(operation), k -> flagsOf(params[0]));
      }
    } catch (ReflectiveOperationException | LinkageError e) {
      return ops; // no SDK model for it: nothing to complete, never a failure
    }
    return ops;
  }

  private static List<String> flagsOf(Class<?> requestClass) {
    try {
      Method builderMethod = requestClass.getMethod("builder");
      Object builder = builderMethod.invoke(null);
      // the builder's class is private; its public interface has build()
      Object request = builderMethod.getReturnType().getMethod("build").invoke(builder);
      List<String> flags = new ArrayList<>();
      for (SdkField<?> f : ((SdkRequest) request).sdkFields()) {
        flags.add("--" + kebab(f.memberName()));
      }
      flags.sort(null);
      return List.copyOf(flags);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return List.of();
    }
  }

  /**
   * {@code ListMFADevices} → {@code list-mfa-devices}, {@code ListObjectsV2} → {@code
   * list-objects-v2}.
   */
  static String kebab(String pascal) {
    String s = pascal.replaceAll("([a-z0-9])([A-Z])", "$1-$2");
    s = s.replaceAll("([A-Z]+)([A-Z][a-z])", "$1-$2");
    return s.toLowerCase(java.util.Locale.ROOT);
  }
}
