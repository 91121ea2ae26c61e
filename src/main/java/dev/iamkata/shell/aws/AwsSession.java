package dev.iamkata.shell.aws;

import dev.iamkata.shell.aws.args.GlobalOptions;
import dev.iamkata.shell.aws.creds.ConfigFiles;
import dev.iamkata.shell.aws.creds.CredentialResolver;
import dev.iamkata.shell.aws.creds.InstanceMetadataCredentials;
import dev.iamkata.shell.aws.creds.Resolved;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * One command's view of the learner's configuration: region, endpoint and credentials resolved as
 * aws CLI v2 resolves them, and calls made with the shared clients, failures turned into the CLI's
 * messages and exit codes.
 */
public final class AwsSession {
  private final Map<String, String> env;
  private final GlobalOptions options;
  private final String defaultEndpoint;
  private final ClientCache clients;
  private final Clock clock;
  private final BufferedReader stdin;
  private final PrintStream stderr;
  private ConfigFiles files;
  private Resolved resolved;

  AwsSession(
      Map<String, String> env,
      GlobalOptions options,
      String defaultEndpoint,
      ClientCache clients,
      Clock clock,
      BufferedReader stdin,
      PrintStream stderr) {
    this.env = env;
    this.options = options;
    this.defaultEndpoint = defaultEndpoint;
    this.clients = clients;
    this.clock = clock;
    this.stdin = stdin;
    this.stderr = stderr;
  }

  public GlobalOptions options() {
    return options;
  }

  public Map<String, String> env() {
    return env;
  }

  /** The config and credentials files, read once per command. */
  public ConfigFiles files() {
    if (files == null) {
      files = ConfigFiles.load(env);
    }
    return files;
  }

  /** The profile in effect: {@code --profile}, else {@code AWS_PROFILE}, else null. */
  public String profileName() {
    if (options.profile() != null) {
      return options.profile();
    }
    String p = env.get("AWS_PROFILE");
    return p == null || p.isEmpty() ? null : p;
  }

  private String profileSetting(String key) {
    String name = profileName() == null ? "default" : profileName();
    Map<String, String> p = files().profile(name);
    if (p == null && profileName() != null) {
      throw AwsCliException.of(
          AwsCliException.GENERAL, "The config profile (" + name + ") could not be found");
    }
    return p == null ? null : p.get(key);
  }

  /** The output format: {@code --output}, {@code AWS_DEFAULT_OUTPUT}, the profile's, json. */
  public String output() {
    if (options.output() != null) {
      return options.output();
    }
    String fromEnv = env.get("AWS_DEFAULT_OUTPUT");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv;
    }
    String fromProfile = profileSetting("output");
    return fromProfile == null ? "json" : fromProfile;
  }

  /** The region: {@code --region}, AWS_REGION, AWS_DEFAULT_REGION, the profile's. */
  public String region(AwsService service) {
    for (String r :
        new String[] {options.region(), env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION")}) {
      if (r != null && !r.isEmpty()) {
        return r;
      }
    }
    String fromProfile = profileSetting("region");
    if (fromProfile != null) {
      return fromProfile;
    }
    if (service == AwsService.IAM || service == AwsService.S3API) {
      return "us-east-1";
    }
    throw AwsCliException.of(
        AwsCliException.CONFIG,
        "You must specify a region. You can also configure your region by running \"aws"
            + " configure\".");
  }

  /**
   * Where a service's calls go: {@code --endpoint-url}, {@code AWS_ENDPOINT_URL_<SERVICE>}, {@code
   * AWS_ENDPOINT_URL}, the profile's {@code endpoint_url}, the lesson backend. Never AWS itself.
   */
  public String endpoint(AwsService service) {
    if (options.endpointUrl() != null) {
      return options.endpointUrl();
    }
    return configuredEndpoint(service);
  }

  private String configuredEndpoint(AwsService service) {
    String id = service == AwsService.S3API ? "S3" : service.cliName().toUpperCase(Locale.ROOT);
    for (String e : new String[] {env.get("AWS_ENDPOINT_URL_" + id), env.get("AWS_ENDPOINT_URL")}) {
      if (e != null && !e.isEmpty()) {
        return e;
      }
    }
    String fromProfile = profileSetting("endpoint_url");
    if (fromProfile != null) {
      return fromProfile;
    }
    if (defaultEndpoint != null) {
      return defaultEndpoint;
    }
    if (options.endpointUrl() != null) {
      return options.endpointUrl();
    }
    throw AwsCliException.of(
        AwsCliException.GENERAL,
        "iam-kata never calls real AWS: no endpoint for "
            + service.cliName()
            + ". Give --endpoint-url URL or set AWS_ENDPOINT_URL (the engine's address).");
  }

  /** The credentials, resolved once per command. */
  public Resolved credentials() {
    if (resolved == null) {
      CredentialResolver resolver =
          new CredentialResolver(clock, this::assumeRole, this::instanceMetadata);
      resolved = resolver.resolve(env, options.profile(), files(), stdin, stderr);
    }
    return resolved;
  }

  /**
   * An instance's credentials, only from the engine this command calls: an endpoint elsewhere (the
   * real {@code 169.254.169.254} above all) is refused, as iam-kata never calls real AWS.
   */
  private Optional<AwsCredentials> instanceMetadata(String metadataEndpoint) {
    String sts = endpoint(AwsService.STS);
    if (!origin(metadataEndpoint).equals(origin(sts))) {
      throw AwsCliException.of(
          AwsCliException.CONFIG,
          "iam-kata never calls real AWS: AWS_EC2_METADATA_SERVICE_ENDPOINT ("
              + metadataEndpoint
              + ") is not on the endpoint this command calls ("
              + sts
              + ").");
    }
    return new InstanceMetadataCredentials().fetch(metadataEndpoint);
  }

  /** {@code scheme://host:port} of a URL, or the text itself when it is not one. */
  private static String origin(String url) {
    try {
      URI u = URI.create(url);
      int port =
          u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
      return (u.getScheme() + "://" + u.getHost() + ":" + port).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  private software.amazon.awssdk.services.sts.model.AssumeRoleResponse assumeRole(
      AwsCredentials source, software.amazon.awssdk.services.sts.model.AssumeRoleRequest req) {
    String endpoint =
        options.endpointUrl() != null
                && defaultEndpoint == null
                && env.get("AWS_ENDPOINT_URL") == null
            ? options.endpointUrl()
            : configuredEndpoint(AwsService.STS);
    StsClient sts =
        (StsClient) clients.client(AwsService.STS, endpoint, region(AwsService.STS), source);
    try {
      return sts.assumeRole(req);
    } catch (SdkException e) {
      throw translate(e, "AssumeRole", endpoint);
    }
  }

  /** The client a service's calls go through. */
  public SdkClient client(AwsService service) {
    String endpoint = endpoint(service);
    String region = region(service);
    AwsCredentials creds = options.noSignRequest() ? null : credentials().credentials();
    return clients.client(service, endpoint, region, creds);
  }

  /** Calls an operation; service and connection failures become the CLI's errors. */
  public SdkResponse call(OperationModel op, SdkRequest request) {
    return (SdkResponse) invoke(op, request);
  }

  /**
   * Calls an operation's client method with {@code args} (the request first, then a streaming
   * operation's body); failures become the CLI's errors.
   */
  public Object invoke(OperationModel op, Object... args) {
    SdkClient client = client(op.service());
    if (options.debug()) {
      stderr.println(
          "DEBUG built-in aws: calling "
              + op.name()
              + " on "
              + endpoint(op.service())
              + " (region "
              + region(op.service())
              + ", credentials from "
              + credentials().method()
              + (profileName() == null ? "" : ", profile " + profileName())
              + ")");
    }
    try {
      return op.method().invoke(client, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof SdkException sdk) {
        throw translate(sdk, op.name(), endpoint(op.service()));
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The CLI's error for an SDK failure. */
  public static AwsCliException translate(SdkException e, String operation, String endpoint) {
    if (e instanceof AwsServiceException s) {
      String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
      String message = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorMessage();
      // HEAD responses have no body: botocore reports the status and its reason phrase
      if (code == null || code.isEmpty() || operation.startsWith("Head")) {
        code = String.valueOf(s.statusCode());
        message = HttpReasons.of(s.statusCode());
      }
      return AwsCliException.service(code, operation, message == null ? "Unknown" : message);
    }
    if (e instanceof SdkClientException && e.getCause() instanceof java.io.IOException) {
      return AwsCliException.of(
          AwsCliException.GENERAL,
          "Could not connect to the endpoint URL: \""
              + endpoint
              + (endpoint.endsWith("/") ? "" : "/")
              + "\"");
    }
    return AwsCliException.of(AwsCliException.GENERAL, String.valueOf(e.getMessage()));
  }
}
