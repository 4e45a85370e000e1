package com.leadhandoff.local.asl.engine;

import com.leadhandoff.local.asl.model.StateMachineDefinition;
import java.time.Instant;

/**
 * A created state machine with its parsed definition; an update makes a new record.
 *
 * @param kept created through the API, and so kept in the engine's {@link StateMachineStore} (a
 *     template's machine is declared again at every start instead)
 */
record StateMachineRecord(
    String arn,
    String name,
    String definitionJson,
    StateMachineDefinition definition,
    String roleArn,
    StateMachineType type,
    Instant creationDate,
    boolean kept) {

  StateMachineInfo info(StateMachineInfo.Status status) {
    return new StateMachineInfo(arn, name, definitionJson, roleArn, creationDate, type, status);
  }

  /** The same machine with another definition or role, as UpdateStateMachine makes it. */
  StateMachineRecord revised(
      String newDefinitionJson, StateMachineDefinition newDefinition, String newRoleArn) {
    return new StateMachineRecord(
        arn, name, newDefinitionJson, newDefinition, newRoleArn, type, creationDate, kept);
  }

  /** Whether an execution started with {@code other} runs what this record runs. */
  boolean sameRevision(StateMachineRecord other) {
    return definitionJson.equals(other.definitionJson) && roleArn.equals(other.roleArn);
  }
}
