package dev.iamkata.lesson;

/**
 * One aws CLI invocation inside a learner's command line.
 *
 * @param service the CLI's service name as typed ({@code iam}, {@code sts}, {@code s3}, {@code
 *     dynamodb}, ...)
 * @param command the CLI's command as typed ({@code list-tables}, {@code ls}, {@code assume-role})
 * @param operation the API operation it called ({@code ListTables}, {@code ListBuckets}); for a
 *     high-level command that makes several calls, the last one; {@code null} when none was made
 *     (usage error)
 * @param profile the profile in effect ({@code --profile}, else {@code AWS_PROFILE}); {@code null}
 *     for the default profile or credentials from environment variables
 * @param accessKeyId the access key the call was signed with, when known; {@code null} otherwise
 * @param exitCode the invocation's exit code
 * @param errorCode the AWS error code from {@code An error occurred (CODE)}, or {@code null}
 */
public record AwsCall(
    String service,
    String command,
    String operation,
    String profile,
    String accessKeyId,
    int exitCode,
    String errorCode) {}
