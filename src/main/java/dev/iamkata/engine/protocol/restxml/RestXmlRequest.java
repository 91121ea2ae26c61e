package dev.iamkata.engine.protocol.restxml;

import dev.iamkata.engine.http.HttpRequest;

/**
 * A decoded rest-xml request: the SDK request object, the payload bytes (aws-chunked encoding
 * already removed) for streaming operations such as PutObject, and the raw request.
 */
public record RestXmlRequest<Q>(Q request, byte[] payload, HttpRequest http) {}
