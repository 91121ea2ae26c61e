/**
 * AWS's rest-json protocol (Lambda): operations found by HTTP method and URI template, members in
 * the path, query string, headers or a JSON body as the SDK model's {@code sdkFields()} place them,
 * errors named by the {@code x-amzn-ErrorType} header.
 */
package dev.iamkata.engine.protocol.restjson;
