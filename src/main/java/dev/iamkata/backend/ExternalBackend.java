package dev.iamkata.backend;

import dev.iamkata.engine.AccessKeyPair;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Any AWS-compatible endpoint reached with an admin key: moto's server, a running LocalStack, or
 * another iam-kata engine. When {@code GET /_kata/health} answers, it is an engine, and reset,
 * snapshots and the clock go through its control API. Otherwise:
 *
 * <ul>
 *   <li>{@link #reset()} deletes what was created since this backend attached (an {@link Inventory}
 *       taken at attach time): IAM users, roles, groups, customer-managed policies and instance
 *       profiles (with their keys, attachments and inline policies), S3 buckets (emptied first),
 *       and in the backend's region DynamoDB tables, Lambda functions and EC2 instances. Changes to
 *       entities that existed before (a policy attached to a pre-existing user) are not undone.
 *   <li>no snapshots and no clock control: {@link #now()} is real time.
 *   <li>{@link #capabilities()} come from running the {@link CapabilityProbe} once.
 * </ul>
 */
public final class ExternalBackend implements Backend {
  private final String name;
  private final URI endpoint;
  private final String region;
  private final AccessKeyPair admin;
  private final String accountId;
  private final Clock clock;
  private final AwsClients clients;
  private final EngineControl control;
  private final Map<String, AccessKeyPair> accounts;
  private final Inventory baseline;
  private Capabilities capabilities;

  private ExternalBackend(
      String name,
      URI endpoint,
      String region,
      AccessKeyPair admin,
      String accountId,
      Clock clock,
      AwsClients clients,
      EngineControl control,
      Map<String, AccessKeyPair> accounts,
      Inventory baseline) {
    this.name = name;
    this.endpoint = endpoint;
    this.region = region;
    this.admin = admin;
    this.accountId = accountId;
    this.clock = clock;
    this.clients = clients;
    this.control = control;
    this.accounts = accounts;
    this.baseline = baseline;
    this.capabilities = control == null ? null : Capabilities.all(EmbeddedBackend.SERVICES);
  }

  /**
   * Attaches to {@code endpoint}: checks that it answers STS {@code GetCallerIdentity} for the
   * admin key, then finds out whether it is an iam-kata engine.
   *
   * @param name the backend's name in reports ({@code external}, or {@code localstack})
   * @param clock real time, for {@link #now()} where the endpoint has no clock of its own
   */
  public static ExternalBackend attach(
      String name, URI endpoint, AccessKeyPair admin, String region, Clock clock)
      throws BackendException {
    if (endpoint.getHost() == null
        || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
      throw new BackendException(
          "--endpoint must be an http:// or https:// URL, e.g. http://localhost:4566; got '"
              + endpoint
              + "'");
    }
    AwsClients clients = new AwsClients(endpoint.toString(), region);
    try {
      String account = callerAccount(clients, endpoint, admin);
      Map<String, AccessKeyPair> accounts = new LinkedHashMap<>();
      accounts.put(account, admin);
      EngineControl control = null;
      Inventory baseline = null;
      if (ControlClient.isEngine(endpoint)) {
        control = new EngineControl(endpoint, admin);
        control.accounts().forEach(accounts::putIfAbsent);
      } else {
        baseline = Inventory.take(clients, credentials(admin));
      }
      return new ExternalBackend(
          name, endpoint, region, admin, account, clock, clients, control, accounts, baseline);
    } catch (BackendException e) {
      clients.close();
      throw e;
    } catch (InterruptedException e) {
      clients.close();
      Thread.currentThread().interrupt();
      throw new BackendException("interrupted while attaching to " + endpoint, e);
    }
  }

  private static String callerAccount(AwsClients clients, URI endpoint, AccessKeyPair admin)
      throws BackendException {
    try {
      return clients.sts(credentials(admin)).getCallerIdentity().account();
    } catch (AwsServiceException e) {
      throw new BackendException(
          "the endpoint "
              + endpoint
              + " refused the admin key "
              + admin.accessKeyId()
              + ": "
              + e.awsErrorDetails().errorCode()
              + " "
              + e.awsErrorDetails().errorMessage(),
          e);
    } catch (SdkException e) {
      throw new BackendException(
          "nothing answered as AWS STS at " + endpoint + ": " + e.getMessage(), e);
    }
  }

  static AwsBasicCredentials credentials(AccessKeyPair key) {
    return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
  }

  /** Whether the endpoint is an iam-kata engine (reset, snapshots, clock by its control API). */
  public boolean isEngine() {
    return control != null;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String endpoint() {
    return endpoint.toString();
  }

  @Override
  public String region() {
    return region;
  }

  @Override
  public String accountId() {
    return accountId;
  }

  @Override
  public String secondAccountId() {
    return accounts.keySet().stream().filter(a -> !a.equals(accountId)).findFirst().orElse(null);
  }

  @Override
  public AccessKeyPair adminKey(String account) {
    AccessKeyPair key = accounts.get(account);
    if (key == null) {
      throw new IllegalArgumentException("no admin key for account " + account + " on " + name);
    }
    return key;
  }

  /** The engine's own for an engine; otherwise what the probe measured, probed on first call. */
  @Override
  public synchronized Capabilities capabilities() {
    if (capabilities == null) {
      capabilities = new CapabilityProbe(clock).run(this).capabilities();
    }
    return capabilities;
  }

  @Override
  public void reset() throws BackendException {
    if (control != null) {
      control.reset();
      return;
    }
    Inventory now = Inventory.take(clients, credentials(admin));
    List<String> failed = Cleanup.toBaseline(clients, credentials(admin), baseline, now);
    if (!failed.isEmpty()) {
      throw new BackendException(
          "the reset of " + endpoint + " could not delete: " + String.join("; ", failed));
    }
  }

  @Override
  public String snapshot() throws BackendException {
    return engine("take snapshots").snapshot();
  }

  @Override
  public void restore(String snapshot) throws BackendException {
    engine("restore snapshots").restore(snapshot);
  }

  @Override
  public Instant clockTime() throws BackendException {
    return control == null ? clock.instant() : control.clockTime();
  }

  @Override
  public void advanceClock(Duration by) throws BackendException {
    engine("move its clock").advance(by);
  }

  private EngineControl engine(String what) throws BackendException {
    if (control == null) {
      throw new BackendException(
          "the "
              + name
              + " backend at "
              + endpoint
              + " cannot "
              + what
              + ": only an iam-kata engine (GET /_kata/health) has a control API");
    }
    return control;
  }

  @Override
  public void close() {
    clients.close();
  }
}
