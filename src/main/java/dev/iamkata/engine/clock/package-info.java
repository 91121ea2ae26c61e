/** The virtual clock that every expiry and timestamp in the engine reads. */
package dev.iamkata.engine.clock;
