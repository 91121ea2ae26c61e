/**
 * AWS Lambda (rest-json): functions per account and region, with iam:PassRole and trust checks, and
 * Invoke running a function's declarative handler file as its execution role.
 */
package dev.iamkata.engine.lambda;
