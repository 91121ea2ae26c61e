package dev.iamkata.engine;

/** An access key ID and its secret, as given on the command line ({@code AKID:SECRET}). */
public record AccessKeyPair(String accessKeyId, String secretAccessKey) {

  /** Parses {@code AKID:SECRET}; the secret may itself contain colons. */
  public static AccessKeyPair parse(String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("expected AKID:SECRET, got '" + text + "'");
    }
    return new AccessKeyPair(text.substring(0, colon), text.substring(colon + 1));
  }

  @Override
  public String toString() {
    return accessKeyId + ":" + secretAccessKey;
  }
}
