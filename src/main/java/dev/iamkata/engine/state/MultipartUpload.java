package dev.iamkata.engine.state;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** A multipart upload in progress: its parts by number, each a part's bytes and ETag. */
public final class MultipartUpload {
  public String uploadId;
  public String key;
  public Instant initiated;
  public String contentType;
  public Map<String, String> metadata = new TreeMap<>();
  public Map<Integer, Part> parts = new TreeMap<>();

  public MultipartUpload() {}

  public MultipartUpload(String uploadId, String key, Instant initiated) {
    this.uploadId = uploadId;
    this.key = key;
    this.initiated = initiated;
  }

  /** One uploaded part. */
  public static final class Part {
    public byte[] data;
    public String etag;

    public Part() {}

    public Part(byte[] data, String etag) {
      this.data = data;
      this.etag = etag;
    }
  }
}
