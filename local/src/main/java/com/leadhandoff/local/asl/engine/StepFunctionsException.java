package com.leadhandoff.local.asl.engine;

/**
 * An API error of the engine; {@link #errorCode()} is the AWS error code (the HTTP endpoint sends
 * it as {@code __type}), and each code is its own type so callers can catch precisely.
 */
public abstract sealed class StepFunctionsException extends RuntimeException {
  private StepFunctionsException(String message) {
    super(message, null, false, false);
  }

  /** The AWS error code, e.g. {@code ExecutionAlreadyExists}. */
  public String errorCode() {
    return getClass().getSimpleName();
  }

  /** The definition was refused; the message lists every problem. */
  public static final class InvalidDefinition extends StepFunctionsException {
    public InvalidDefinition(String message) {
      super(message);
    }
  }

  /** A state machine with that name exists with a different definition. */
  public static final class StateMachineAlreadyExists extends StepFunctionsException {
    public StateMachineAlreadyExists(String message) {
      super(message);
    }
  }

  /** No state machine has that ARN. */
  public static final class StateMachineDoesNotExist extends StepFunctionsException {
    public StateMachineDoesNotExist(String message) {
      super(message);
    }
  }

  /** The name was used by a closed execution, or by a running one with a different input. */
  public static final class ExecutionAlreadyExists extends StepFunctionsException {
    public ExecutionAlreadyExists(String message) {
      super(message);
    }
  }

  /** No execution has that ARN. */
  public static final class ExecutionDoesNotExist extends StepFunctionsException {
    public ExecutionDoesNotExist(String message) {
      super(message);
    }
  }

  /** The execution input is not JSON. */
  public static final class InvalidExecutionInput extends StepFunctionsException {
    public InvalidExecutionInput(String message) {
      super(message);
    }
  }

  /** A name that Step Functions does not accept. */
  public static final class InvalidName extends StepFunctionsException {
    public InvalidName(String message) {
      super(message);
    }
  }

  /** An ARN that is not well formed. */
  public static final class InvalidArn extends StepFunctionsException {
    public InvalidArn(String message) {
      super(message);
    }
  }

  /** The task token is malformed: not one this engine could have issued. */
  public static final class InvalidToken extends StepFunctionsException {
    public InvalidToken(String message) {
      super(message);
    }
  }

  /** The task token is well formed but was never issued. */
  public static final class TaskDoesNotExist extends StepFunctionsException {
    public TaskDoesNotExist(String message) {
      super(message);
    }
  }

  /**
   * The token's task is no longer waiting: it timed out, or was already closed (answered, or its
   * execution stopped). This is how the SendTaskSuccess reference defines TaskTimedOut.
   */
  public static final class TaskTimedOut extends StepFunctionsException {
    public TaskTimedOut(String message) {
      super(message);
    }
  }

  /** The task output is not JSON. */
  public static final class InvalidOutput extends StepFunctionsException {
    public InvalidOutput(String message) {
      super(message);
    }
  }

  /** The state machine is being deleted (DeleteStateMachine was called). */
  public static final class StateMachineDeleting extends StepFunctionsException {
    public StateMachineDeleting(String message) {
      super(message);
    }
  }

  /** The operation does not run this type of state machine (StartSyncExecution on STANDARD). */
  public static final class StateMachineTypeNotSupported extends StepFunctionsException {
    public StateMachineTypeNotSupported(String message) {
      super(message);
    }
  }

  /** UpdateStateMachine was given nothing to change. */
  public static final class MissingRequiredParameter extends StepFunctionsException {
    public MissingRequiredParameter(String message) {
      super(message);
    }
  }

  /** The request does not satisfy the API's constraints. */
  public static final class ValidationException extends StepFunctionsException {
    public ValidationException(String message) {
      super(message);
    }
  }
}
