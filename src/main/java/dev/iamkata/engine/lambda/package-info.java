/** AWS Lambda (rest-json): functions per account and region, with iam:PassRole and trust checks. */
package dev.iamkata.engine.lambda;
