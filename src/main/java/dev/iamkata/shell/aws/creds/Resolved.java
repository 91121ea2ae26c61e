package dev.iamkata.shell.aws.creds;

import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * Credentials found for a command, and where from.
 *
 * @param credentials the key, secret and (for sessions) token
 * @param method botocore's name for the source ({@code env}, {@code shared-credentials-file},
 *     {@code config-file}, {@code assume-role})
 * @param profile the profile in effect, or null for the environment's
 */
public record Resolved(AwsCredentials credentials, String method, String profile) {}
