package dev.iamkata.engine.api;

/**
 * Why a request was refused, in parts, so each service can word the refusal its own way (EC2
 * prefixes it and appends an encoded message, S3 quotes the resource, DynamoDB uses its own error
 * code) while IAM and STS use {@link #message()} as it is.
 *
 * @param principalArn the caller, e.g. {@code arn:aws:sts::123456789012:assumed-role/R/S}
 * @param action e.g. {@code iam:ListUsers}
 * @param resource the ARN the action was refused on
 * @param reason AWS's clause, e.g. {@code because no identity-based policy allows the iam:ListUsers
 *     action}, or empty where AWS gives none (a refused AssumeRole)
 */
public record Denial(String principalArn, String action, String resource, String reason) {

  /** IAM's and STS's wording: {@code User: P is not authorized to perform: A on resource: R …}. */
  public String message() {
    return "User: "
        + principalArn
        + " is not authorized to perform: "
        + action
        + " on resource: "
        + resource
        + (reason.isEmpty() ? "" : " " + reason);
  }
}
