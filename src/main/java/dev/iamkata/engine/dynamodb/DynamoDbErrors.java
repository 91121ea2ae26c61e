package dev.iamkata.engine.dynamodb;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;

/** The ValidationException every DynamoDB operation and expression reports bad input with. */
final class DynamoDbErrors {
  private DynamoDbErrors() {}

  static AwsException validation(String message) {
    return new AwsException(AwsError.VALIDATION_EXCEPTION, message);
  }
}
