/**
 * Authorization: gathers the caller's identity policies, permissions boundary and session policies
 * from the engine's state and asks the pure evaluator in {@code policy}; turns a denial into AWS's
 * AccessDenied message.
 */
package dev.iamkata.engine.authz;
