package dev.iamkata.backend;

import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.engine.Engine;
import dev.iamkata.engine.EngineConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The default backend: iam-kata's own engine, started in this process on 127.0.0.1 (a free port),
 * with the accounts {@code 123456789012} and {@code 210987654321}. It enforces everything the
 * lessons check. State and clock go through the engine's control API over HTTP, the same way an
 * engine in another process is driven, so both paths are the one tested path.
 */
public final class EmbeddedBackend implements Backend {
  /** The services the engine serves, by signing name. */
  public static final Set<String> SERVICES =
      Set.of("iam", "sts", "s3", "dynamodb", "ec2", "lambda", "cloudtrail");

  private final Engine engine;
  private final EngineControl control;

  private EmbeddedBackend(Engine engine) {
    this.engine = engine;
    this.control =
        new EngineControl(
            URI.create(engine.endpoint()), engine.adminKey(EngineConfig.DEFAULT_ACCOUNT));
  }

  /** Starts an engine with {@link EngineConfig#defaults()} and a random admin key. */
  public static EmbeddedBackend start() throws BackendException {
    return start(EngineConfig.defaults());
  }

  /** Starts an engine with {@link EngineConfig#defaults()}; {@code adminKey} null means random. */
  public static EmbeddedBackend start(AccessKeyPair adminKey) throws BackendException {
    return start(EngineConfig.defaults().withAdminKey(adminKey));
  }

  /** Starts an engine with the given configuration. */
  public static EmbeddedBackend start(EngineConfig config) throws BackendException {
    try {
      return new EmbeddedBackend(Engine.start(config));
    } catch (IOException e) {
      throw new BackendException(
          "the embedded engine could not start on 127.0.0.1 port "
              + config.port()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** The engine itself, for in-process callers that need more than a backend offers. */
  public Engine engine() {
    return engine;
  }

  @Override
  public String name() {
    return "embedded";
  }

  @Override
  public String endpoint() {
    return engine.endpoint();
  }

  @Override
  public String region() {
    return EngineConfig.DEFAULT_REGION;
  }

  @Override
  public String accountId() {
    return EngineConfig.DEFAULT_ACCOUNT;
  }

  @Override
  public String secondAccountId() {
    return EngineConfig.SECOND_ACCOUNT;
  }

  @Override
  public AccessKeyPair adminKey(String account) {
    return engine.adminKey(account);
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.all(SERVICES);
  }

  /**
   * Resets the state through the control API, then rewinds the virtual clock to real time: the
   * control API only moves the clock forward (sessions never un-expire), but after a reset no
   * session of the old state is left to un-expire, so a fresh start means a fresh clock too.
   */
  @Override
  public void reset() throws BackendException {
    control.reset();
    engine.clock().restoreOffset(Duration.ZERO);
  }

  @Override
  public String snapshot() throws BackendException {
    return control.snapshot();
  }

  @Override
  public void restore(String snapshot) throws BackendException {
    control.restore(snapshot);
  }

  @Override
  public Instant clockTime() throws BackendException {
    return control.clockTime();
  }

  @Override
  public void advanceClock(Duration by) throws BackendException {
    control.advance(by);
  }

  @Override
  public void close() {
    engine.close();
  }
}
