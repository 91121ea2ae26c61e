/** What every service shares: the AWS error catalogue and request validation. */
package dev.iamkata.engine.api;
