package com.leadhandoff.local.asl.engine;

/**
 * A state machine's workflow type. Express executions run the same interpreter; what differs is
 * what their definitions may use (no {@code .waitForTaskToken}) and that StartSyncExecution runs
 * only them (Step Functions developer guide, "Standard and Express workflow types").
 */
public enum StateMachineType {
  STANDARD,
  EXPRESS;

  /** The type named {@code text}, as CreateStateMachine's {@code type} member spells it. */
  public static StateMachineType of(String text) {
    for (StateMachineType type : values()) {
      if (type.name().equals(text)) {
        return type;
      }
    }
    throw new StepFunctionsException.ValidationException(
        "1 validation error detected: Value '"
            + text
            + "' at 'type' failed to satisfy constraint: Member must satisfy enum value set:"
            + " [STANDARD, EXPRESS]");
  }
}
