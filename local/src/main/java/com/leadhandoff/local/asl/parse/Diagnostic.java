package com.leadhandoff.local.asl.parse;

import java.util.Optional;

/**
 * One reason a definition is refused, shaped as Step Functions reports it (and as
 * ValidateStateMachineDefinition lists it): a code such as {@code SCHEMA_VALIDATION_FAILED} or
 * {@code MISSING_TRANSITION_TARGET}, a message, and where in the definition, e.g. {@code
 * /States/Wait/Seconds} or {@code /States/P/Branches[0]/States/A/Catch[0]/Next}.
 *
 * @param where the same place in words ("State 'Wait'"), as {@link #legacyText()} shows it
 */
public record Diagnostic(String code, String message, Optional<String> location, String where) {
  public static final String SCHEMA_VALIDATION_FAILED = "SCHEMA_VALIDATION_FAILED";
  public static final String MISSING_TRANSITION_TARGET = "MISSING_TRANSITION_TARGET";
  public static final String MISSING_END_STATE = "MISSING_END_STATE";
  public static final String INVALID_JSON_DESCRIPTION = "INVALID_JSON_DESCRIPTION";

  /** As in Step Functions' InvalidDefinition message: {@code CODE: message at /location}. */
  public String awsText() {
    return code + ": " + message + location.map(l -> " at " + l).orElse("");
  }

  /** "where: message", the form {@link InvalidDefinitionException#problems()} lists. */
  public String legacyText() {
    return where.isEmpty() ? message : where + ": " + message;
  }
}
