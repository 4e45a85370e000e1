package com.leadhandoff.local.asl.teststate;

import com.leadhandoff.local.asl.engine.StepFunctionsException;

/** How much TestState reports: INFO (default), DEBUG (data flow), TRACE (also HTTP Task I/O). */
public enum InspectionLevel {
  INFO,
  DEBUG,
  TRACE;

  /** The level named {@code text}; anything else is a ValidationException. */
  public static InspectionLevel of(String text) {
    for (InspectionLevel level : values()) {
      if (level.name().equals(text)) {
        return level;
      }
    }
    throw new StepFunctionsException.ValidationException(
        "1 validation error detected: Value '"
            + text
            + "' at 'inspectionLevel' failed to satisfy constraint: Member must satisfy enum value"
            + " set: [INFO, DEBUG, TRACE]");
  }
}
