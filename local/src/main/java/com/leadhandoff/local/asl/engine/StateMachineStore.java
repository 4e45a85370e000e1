package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where an engine keeps the state machines created through the API, so that they outlive the
 * process. The engine hands it one JSON document per state machine, replaced on every change; the
 * store keeps the latest one of each and never leaves a half-written one behind.
 */
public interface StateMachineStore {
  /**
   * Replaces the saved state machine.
   *
   * @param stateMachineArn the machine's ARN, unique per machine
   * @param machine the machine as the engine saves it; opaque to the store
   */
  void save(String stateMachineArn, JsonNode machine);

  /** Forgets the state machine (DeleteStateMachine, once its last execution closed). */
  void delete(String stateMachineArn);

  /**
   * Every state machine saved so far, in no particular order. A file that cannot be read is set
   * aside and named in {@link ExecutionStore.Loaded#setAside()}, never stopping the others.
   */
  ExecutionStore.Loaded loadAll();

  /**
   * Moves the saved machine out of the way because the engine cannot use it, and says where to.
   *
   * @param why what is wrong with it, for the note
   * @return one line naming the file, where it went and why
   */
  String setAside(String stateMachineArn, String why);
}
