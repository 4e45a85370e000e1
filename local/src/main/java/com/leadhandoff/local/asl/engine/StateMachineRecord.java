package com.leadhandoff.local.asl.engine;

import com.leadhandoff.local.asl.model.StateMachineDefinition;
import java.time.Instant;

/** A created state machine with its parsed definition; an update makes a new record. */
record StateMachineRecord(
    String arn,
    String name,
    String definitionJson,
    StateMachineDefinition definition,
    String roleArn,
    StateMachineType type,
    Instant creationDate) {

  StateMachineInfo info(StateMachineInfo.Status status) {
    return new StateMachineInfo(arn, name, definitionJson, roleArn, creationDate, type, status);
  }
}
