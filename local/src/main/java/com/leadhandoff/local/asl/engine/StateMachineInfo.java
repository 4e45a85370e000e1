package com.leadhandoff.local.asl.engine;

import java.time.Instant;

/** A created state machine, as DescribeStateMachine reports it. */
public record StateMachineInfo(
    String stateMachineArn,
    String name,
    String definition,
    String roleArn,
    Instant creationDate,
    StateMachineType type,
    Status status) {

  /**
   * ACTIVE, or DELETING from DeleteStateMachine until its last execution has closed (the
   * DeleteStateMachine API reference).
   */
  public enum Status {
    ACTIVE,
    DELETING
  }
}
