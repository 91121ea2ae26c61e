package dev.iamkata.engine.auth.sigv4;

import java.util.Optional;

/**
 * The outcome of checking a signature, with the canonical request and string to sign the server
 * computed so that a mismatch can be logged and explained.
 *
 * @param matches whether the client's signature equals the one computed here
 * @param canonicalRequest the canonical request computed from the request as received
 * @param stringToSign the string to sign computed from it
 * @param s3 whether S3 rules applied, which changes the mismatch message
 */
public record Verification(
    boolean matches, String canonicalRequest, String stringToSign, boolean s3) {

  static final String MISMATCH_MESSAGE =
      "The request signature we calculated does not match the signature you provided. Check your"
          + " AWS Secret Access Key and signing method. Consult the service documentation for"
          + " details.";
  static final String S3_MISMATCH_MESSAGE =
      "The request signature we calculated does not match the signature you provided. Check your"
          + " key and signing method.";

  /** The {@code SignatureDoesNotMatch} error AWS returns on a mismatch; empty when it matched. */
  public Optional<SigV4Exception> failure() {
    return matches
        ? Optional.empty()
        : Optional.of(
            SigV4Exception.signatureDoesNotMatch(s3 ? S3_MISMATCH_MESSAGE : MISMATCH_MESSAGE));
  }
}
