/**
 * Amazon DynamoDB over the JSON 1.0 protocol: tables, items, key conditions, filters and simple
 * update expressions, authorized on table ARNs.
 */
package dev.iamkata.engine.dynamodb;
