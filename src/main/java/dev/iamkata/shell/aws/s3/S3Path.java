package dev.iamkata.shell.aws.s3;

/**
 * An {@code s3://bucket/key} argument.
 *
 * @param bucket the bucket
 * @param key the key or prefix, "" for none
 */
record S3Path(String bucket, String key) {
  static boolean is(String arg) {
    return arg.startsWith("s3://");
  }

  static S3Path parse(String arg) {
    String rest = arg.substring(5);
    int slash = rest.indexOf('/');
    return slash < 0
        ? new S3Path(rest, "")
        : new S3Path(rest.substring(0, slash), rest.substring(slash + 1));
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + key;
  }
}
