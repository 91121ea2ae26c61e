package dev.iamkata.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start an engine.
 *
 * @param port the port on 127.0.0.1, 0 for any free one
 * @param accounts the accounts to create; the first is the default account, each gets an {@code
 *     admin} user with AdministratorAccess
 * @param adminKey the default account's admin key, or null for a random one
 * @param region the region the engine reports for regional resources
 * @param baseClock the real clock the virtual clock runs on (tests pass a fixed one)
 */
public record EngineConfig(
    int port, List<String> accounts, AccessKeyPair adminKey, String region, Clock baseClock) {

  public static final String DEFAULT_ACCOUNT = "123456789012";
  public static final String SECOND_ACCOUNT = "210987654321";
  public static final String DEFAULT_REGION = "us-east-1";

  public EngineConfig {
    accounts = List.copyOf(accounts);
    if (accounts.isEmpty()) {
      throw new IllegalArgumentException("an engine needs at least one account");
    }
  }

  /** Port 0, the two default accounts, a random admin key, us-east-1, the system clock. */
  public static EngineConfig defaults() {
    return new EngineConfig(
        0, List.of(DEFAULT_ACCOUNT, SECOND_ACCOUNT), null, DEFAULT_REGION, Clock.systemUTC());
  }

  public EngineConfig withPort(int newPort) {
    return new EngineConfig(newPort, accounts, adminKey, region, baseClock);
  }

  public EngineConfig withAdminKey(AccessKeyPair key) {
    return new EngineConfig(port, accounts, key, region, baseClock);
  }

  public EngineConfig withRegion(String newRegion) {
    return new EngineConfig(port, accounts, adminKey, newRegion, baseClock);
  }

  public EngineConfig withClock(Clock clock) {
    return new EngineConfig(port, accounts, adminKey, region, clock);
  }

  /** The default account first, then the other accounts without repeating it. */
  public EngineConfig withDefaultAccount(String account) {
    List<String> all = new ArrayList<>();
    all.add(account);
    accounts.stream().skip(1).filter(a -> !a.equals(account)).forEach(all::add);
    return new EngineConfig(port, all, adminKey, region, baseClock);
  }
}
