/**
 * Backends: where AWS calls go. {@link dev.iamkata.backend.Backend} starts or attaches to an
 * endpoint, hands out admin keys, resets state and says, as {@link
 * dev.iamkata.backend.Capabilities}, what it enforces.
 */
package dev.iamkata.backend;
