/**
 * The embedded AWS engine: an in-process endpoint on 127.0.0.1 that authenticates with SigV4,
 * authorizes with IAM policy evaluation and serves IAM, STS, DynamoDB and EC2 on a virtual clock.
 * It never imports lesson, shell or UI code.
 *
 * <p>A request goes: {@code http} (server, router) → {@code auth} (who signed it) → {@code
 * protocol} (decode the operation) → {@code authz} (is it allowed) → the service ({@code iam},
 * {@code sts}, {@code dynamodb}, {@code ec2}) on {@code state} → {@code protocol} (encode). {@code
 * control} is the engine's own API under {@code /_kata/}.
 */
package dev.iamkata.engine;
