/**
 * AWS's rest-xml protocol (S3): the operation from method, path and query, members in the path,
 * query string, headers and an XML or raw payload, all read and written from the SDK model's field
 * descriptions.
 */
package dev.iamkata.engine.protocol.restxml;
