package dev.iamkata.engine.iam;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.api.UriEncoding;

/**
 * Policy documents as IAM handles them: kept as the caller sent them, sized without whitespace
 * against the quotas, and returned percent-encoded (RFC 3986, so a space is {@code %20}, never
 * {@code +}); botocore decodes them with {@code unquote}, SDK users with a URL decoder.
 */
final class PolicyDocs {
  /** Customer managed policy size, {@code PolicySize}. */
  static final int MANAGED_POLICY_SIZE = 6144;

  /** Role trust policy size, {@code ACLSizePerRole}. */
  static final int TRUST_POLICY_SIZE = 2048;

  /** Inline policies of one user, in total. */
  static final int USER_INLINE_SIZE = 2048;

  /** Inline policies of one role, in total. */
  static final int ROLE_INLINE_SIZE = 10240;

  /** Inline policies of one group, in total. */
  static final int GROUP_INLINE_SIZE = 5120;

  private PolicyDocs() {}

  /** The document as IAM returns it in XML: every byte but {@code A-Za-z0-9-_.~} as {@code %XX}. */
  static String encode(String document) {
    return document == null ? null : UriEncoding.encode(document, false);
  }

  /** The size IAM counts against its quotas: characters other than whitespace. */
  static int size(String document) {
    int size = 0;
    for (int i = 0; i < document.length(); i++) {
      if (!Character.isWhitespace(document.charAt(i))) {
        size++;
      }
    }
    return size;
  }

  /** Validates a managed policy version's document and its size. */
  static void checkManaged(PolicyValidator validator, String document) {
    validator.validate(document, false);
    if (size(document) > MANAGED_POLICY_SIZE) {
      throw new AwsException(
          AwsError.LIMIT_EXCEEDED, "Cannot exceed quota for PolicySize: " + MANAGED_POLICY_SIZE);
    }
  }

  /** Validates a role's trust policy and its size. */
  static void checkTrust(PolicyValidator validator, String document) {
    validator.validate(document, true);
    if (size(document) > TRUST_POLICY_SIZE) {
      throw new AwsException(
          AwsError.LIMIT_EXCEEDED, "Cannot exceed quota for ACLSizePerRole: " + TRUST_POLICY_SIZE);
    }
  }
}
