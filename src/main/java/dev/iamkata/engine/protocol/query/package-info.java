/** AWS's query protocol (IAM, STS): form parameters in, XML out. */
package dev.iamkata.engine.protocol.query;
