package dev.iamkata.engine.state;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One AWS account's IAM world. IAM names are unique without regard to case, so every map is keyed
 * by the lower-cased name (see {@link #key}) and keeps the entity's own spelling inside; the sorted
 * maps also give IAM's alphabetical list order.
 */
public final class Account {
  public String id;
  public Map<String, User> users = new TreeMap<>();
  public Map<String, Group> groups = new TreeMap<>();
  public Map<String, Role> roles = new TreeMap<>();
  public Map<String, ManagedPolicy> policies = new TreeMap<>();
  public Map<String, InstanceProfile> instanceProfiles = new TreeMap<>();

  /** Virtual MFA devices, by lower-cased device name. */
  public Map<String, MfaDevice> mfaDevices = new TreeMap<>();

  public Account() {}

  public Account(String id) {
    this.id = id;
  }

  /** The map key for an IAM name. */
  public static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** The ARN prefix {@code arn:aws:iam::ACCOUNT:} of this account's IAM resources. */
  public String iamArn(String resource) {
    return "arn:aws:iam::" + id + ":" + resource;
  }

  /** The ARN of this account's root user, as IAM principals name it. */
  public String rootArn() {
    return iamArn("root");
  }
}
