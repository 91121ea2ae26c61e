package dev.iamkata.engine.state;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * An S3 bucket: global by name, owned by one account. Objects are kept in key order, which is the
 * order ListObjectsV2 returns them in (UTF-8 binary order equals Java's for the keys S3 allows in
 * practice).
 */
public final class Bucket {
  public String name;
  public String owner;
  public String region;
  public Instant created;

  /** The bucket policy as the caller sent it, or null. */
  public String policy;

  public TreeMap<String, S3Object> objects = new TreeMap<>();
  public Map<String, MultipartUpload> uploads = new TreeMap<>();

  public Bucket() {}

  public Bucket(String name, String owner, String region, Instant created) {
    this.name = name;
    this.owner = owner;
    this.region = region;
    this.created = created;
  }

  /** {@code arn:aws:s3:::NAME} */
  public String arn() {
    return "arn:aws:s3:::" + name;
  }
}
