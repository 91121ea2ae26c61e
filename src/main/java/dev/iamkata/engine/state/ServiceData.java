package dev.iamkata.engine.state;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The resources a service keeps beside the IAM state (DynamoDB tables, EC2 instances, Lambda
 * functions): their section of a snapshot, and how a restore or reset puts them back. Services key
 * their resources by the {@link Account} objects of the state, so a restore that brings new
 * accounts also brings their resources.
 */
public interface ServiceData {

  /** The name of this service's section in a snapshot, e.g. {@code dynamodb}. */
  String name();

  /** Everything the service keeps for the accounts of {@code state}, as JSON. */
  JsonNode export(EngineState state);

  /**
   * Reads a section {@link #export} wrote ({@code null}: none, as after a reset) for the accounts
   * of {@code incoming}, and returns the action that installs it once every section has been read.
   *
   * @throws IllegalArgumentException when the section is malformed; nothing has changed then
   */
  Runnable restore(JsonNode section, EngineState incoming);
}
