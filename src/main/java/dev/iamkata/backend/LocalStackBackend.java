package dev.iamkata.backend;

import dev.iamkata.engine.AccessKeyPair;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack in Docker through Testcontainers, or an already running LocalStack ({@code
 * --endpoint}). Once it answers, it is driven as an {@link ExternalBackend} named {@code
 * localstack}: reset deletes what lessons created, capabilities come from the probe. {@code
 * docker-compose.yml} at the project root starts the same image with the same {@link #environment
 * environment}.
 */
public final class LocalStackBackend implements Backend {
  /**
   * The one pinned image. 4.14.0 is the last release before LocalStack's March 2026 change to one
   * image that needs an auth token to start; a newer tag would not start for learners without one.
   */
  public static final String IMAGE = "localstack/localstack:4.14.0";

  /** The services lessons use; LocalStack loads only these. */
  public static final List<String> SERVICES =
      List.of("iam", "sts", "s3", "dynamodb", "ec2", "lambda", "cloudtrail");

  /**
   * LocalStack's root of the lessons' account: a 12-digit key ID names the account (and the secret
   * is not checked), so lessons' ARNs with {@code 123456789012} hold here as on the engine.
   */
  public static final AccessKeyPair ROOT_KEY = new AccessKeyPair("123456789012", "test");

  /** The root of the second account, for cross-account lessons. */
  public static final AccessKeyPair SECOND_ROOT_KEY = new AccessKeyPair("210987654321", "test");

  private final LocalStackContainer container;
  private final ExternalBackend attached;

  private LocalStackBackend(LocalStackContainer container, ExternalBackend attached) {
    this.container = container;
    this.attached = attached;
  }

  /**
   * The container's environment: IAM enforcement on and not in its soft mode (which only logs what
   * it would deny), only the lessons' services, and the learner's {@code LOCALSTACK_AUTH_TOKEN}
   * passed through when set (LocalStack's docs present IAM enforcement as a feature of LocalStack
   * Pro).
   */
  public static Map<String, String> environment(Map<String, String> learnerEnv) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("ENFORCE_IAM", "1");
    env.put("IAM_SOFT_MODE", "0");
    env.put("SERVICES", String.join(",", SERVICES));
    String token = learnerEnv.get("LOCALSTACK_AUTH_TOKEN");
    if (token != null && !token.isBlank()) {
      env.put("LOCALSTACK_AUTH_TOKEN", token);
    }
    return env;
  }

  /** Starts {@link #IMAGE} in Docker and attaches to it with {@code admin} (default: root). */
  public static LocalStackBackend start(
      Map<String, String> learnerEnv, AccessKeyPair admin, String region, Clock clock)
      throws BackendException {
    String why = dockerProblem();
    if (why != null) {
      throw new BackendException(
          "LocalStack needs Docker, and no Docker engine answered: "
              + why
              + ". Start Docker, or run LocalStack yourself (docker compose up -d) and use"
              + " --backend localstack --endpoint http://localhost:4566");
    }
    LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(IMAGE));
    environment(learnerEnv).forEach(container::withEnv);
    try {
      container.start();
    } catch (RuntimeException e) {
      container.close();
      throw new BackendException("LocalStack (" + IMAGE + ") did not start: " + e.getMessage(), e);
    }
    try {
      return new LocalStackBackend(
          container,
          ExternalBackend.attach(
              "localstack",
              container.getEndpoint(),
              admin == null ? ROOT_KEY : admin,
              region,
              clock));
    } catch (BackendException e) {
      container.close();
      throw e;
    }
  }

  /** Attaches to a LocalStack someone already runs, e.g. with {@code docker compose up -d}. */
  public static LocalStackBackend attach(
      URI endpoint, AccessKeyPair admin, String region, Clock clock) throws BackendException {
    return new LocalStackBackend(
        null,
        ExternalBackend.attach(
            "localstack", endpoint, admin == null ? ROOT_KEY : admin, region, clock));
  }

  /**
   * Null when a Docker engine answers, else why not, in terms a learner can act on (Testcontainers'
   * own message only says that its attempts failed).
   */
  public static String dockerProblem() {
    try {
      if (DockerClientFactory.instance().isDockerAvailable()) {
        return null;
      }
    } catch (RuntimeException e) {
      // same as not available; the reason is worked out below
    }
    String host = System.getenv("DOCKER_HOST");
    if (host != null && !host.isBlank()) {
      return "DOCKER_HOST=" + host + " did not answer";
    }
    Path socket = Path.of("/var/run/docker.sock");
    return Files.exists(socket)
        ? socket + " is there but did not answer (is the Docker daemon running, may you use it?)"
        : "there is no " + socket + " and DOCKER_HOST is not set";
  }

  /** Whether this backend started the container (rather than attaching). */
  public boolean startedContainer() {
    return container != null;
  }

  @Override
  public String name() {
    return "localstack";
  }

  @Override
  public String endpoint() {
    return attached.endpoint();
  }

  @Override
  public String region() {
    return attached.region();
  }

  @Override
  public String accountId() {
    return attached.accountId();
  }

  /** LocalStack makes an account of any 12-digit key ID, so the second account is always there. */
  @Override
  public String secondAccountId() {
    return SECOND_ROOT_KEY.accessKeyId();
  }

  @Override
  public AccessKeyPair adminKey(String account) {
    return account.equals(SECOND_ROOT_KEY.accessKeyId())
        ? SECOND_ROOT_KEY
        : attached.adminKey(account);
  }

  @Override
  public Capabilities capabilities() {
    return attached.capabilities();
  }

  @Override
  public void reset() throws BackendException {
    attached.reset();
  }

  @Override
  public String snapshot() throws BackendException {
    return attached.snapshot();
  }

  @Override
  public void restore(String snapshot) throws BackendException {
    attached.restore(snapshot);
  }

  @Override
  public Instant clockTime() throws BackendException {
    return attached.clockTime();
  }

  @Override
  public void advanceClock(Duration by) throws BackendException {
    attached.advanceClock(by);
  }

  @Override
  public void close() {
    attached.close();
    if (container != null) {
      container.close();
    }
  }
}
