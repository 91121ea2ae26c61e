package dev.iamkata.engine.state;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A virtual MFA device: its serial number (the device ARN), the TOTP seed IAM handed out when it
 * was created, and the user it is enabled for, if any.
 */
public final class MfaDevice {
  public String name;
  public String path = "/";
  public String serialNumber;

  /** The Base32 TOTP seed. */
  public String seed;

  /** The user the device is enabled for (their own spelling), or null while unassigned. */
  public String userName;

  public Instant enableDate;

  /**
   * The last TOTP step a code was accepted for: a code is good once, so no code at or before this
   * step is accepted again (IAM refuses a replayed code the same way).
   */
  public long lastUsedStep = Long.MIN_VALUE;

  public Map<String, String> tags = new LinkedHashMap<>();
}
