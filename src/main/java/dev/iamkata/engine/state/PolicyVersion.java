package dev.iamkata.engine.state;

import java.time.Instant;

/** One version of a customer-managed policy. */
public final class PolicyVersion {
  public String versionId;
  public String document;
  public Instant createDate;
}
