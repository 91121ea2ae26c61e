/** The HTTP server on the loopback address and the router that picks a service per request. */
package dev.iamkata.engine.http;
