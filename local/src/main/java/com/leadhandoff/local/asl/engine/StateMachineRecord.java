package com.leadhandoff.local.asl.engine;

import com.leadhandoff.local.asl.model.StateMachineDefinition;
import java.time.Instant;

/** A created state machine with its parsed definition. */
record StateMachineRecord(
    String arn,
    String name,
    String definitionJson,
    StateMachineDefinition definition,
    String roleArn,
    Instant creationDate) {

  StateMachineInfo info() {
    return new StateMachineInfo(arn, name, definitionJson, roleArn, creationDate);
  }
}
