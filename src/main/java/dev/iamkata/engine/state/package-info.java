/** The engine's memory: accounts, IAM entities, access keys; JSON snapshots of it all. */
package dev.iamkata.engine.state;
