/**
 * AWS's JSON 1.0 protocol (DynamoDB): the operation in {@code X-Amz-Target}, a JSON body in and
 * out, errors as {@code {"__type": "...#Code", "message": "..."}}.
 */
package dev.iamkata.engine.protocol.json;
