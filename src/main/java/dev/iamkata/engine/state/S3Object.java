package dev.iamkata.engine.state;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** One object's bytes and metadata. Jackson writes the bytes as base64 in snapshots. */
public final class S3Object {
  public String key;
  public byte[] data;

  /** The quoted ETag, e.g. {@code "9b2cf535f27731c974343645a3985328"}. */
  public String etag;

  public Instant lastModified;
  public String contentType;
  public Map<String, String> metadata = new TreeMap<>();

  public S3Object() {}

  public S3Object(
      String key,
      byte[] data,
      String etag,
      Instant lastModified,
      String contentType,
      Map<String, String> metadata) {
    this.key = key;
    this.data = data;
    this.etag = etag;
    this.lastModified = lastModified;
    this.contentType = contentType;
    this.metadata = new TreeMap<>(metadata);
  }
}
