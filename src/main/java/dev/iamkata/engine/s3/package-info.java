/**
 * Amazon S3 in the engine: buckets global by name and owned by an account, objects, multipart
 * uploads and bucket policies evaluated as resource-based policies, served over rest-xml.
 */
package dev.iamkata.engine.s3;
