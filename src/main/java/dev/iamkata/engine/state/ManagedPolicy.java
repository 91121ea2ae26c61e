package dev.iamkata.engine.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A customer-managed policy and its versions (AWS-managed ones are read-only and shared). */
public final class ManagedPolicy {
  public String name;
  public String path = "/";
  public String id;
  public String arn;
  public String description;
  public Instant createDate;
  public Instant updateDate;
  public String defaultVersionId;
  public int nextVersion = 1;
  public List<PolicyVersion> versions = new ArrayList<>();

  /** The default version's document. */
  public String defaultDocument() {
    return versions.stream()
        .filter(v -> v.versionId.equals(defaultVersionId))
        .findFirst()
        .orElseThrow()
        .document;
  }
}
