/**
 * The seam between HTTP and services: a {@link dev.iamkata.engine.protocol.Protocol} per AWS wire
 * protocol, and {@link dev.iamkata.engine.protocol.Service} routing tables of {@link
 * dev.iamkata.engine.protocol.Operation} rows. Codecs are driven by the AWS SDK's model classes so
 * member names and shapes match what the SDK and CLI send and parse.
 */
package dev.iamkata.engine.protocol;
