package com.leadhandoff.local.asl.validate;

import java.util.Optional;

/**
 * One ValidateStateMachineDefinitionDiagnostic of the API reference.
 *
 * @param severity {@code ERROR} (cannot create the machine) or {@code WARNING}
 * @param code e.g. {@code SCHEMA_VALIDATION_FAILED}, {@code INVALID_JSON_DESCRIPTION}
 * @param message what is wrong, in words
 * @param location where, as {@code /States/<StateName>/<FieldName>}, when known
 */
public record Diagnostic(String severity, String code, String message, Optional<String> location) {

  /** An ERROR diagnostic. */
  public static Diagnostic error(String code, String message, Optional<String> location) {
    return new Diagnostic("ERROR", code, message, location);
  }

  /** One line for a terminal: {@code ERROR SCHEMA_VALIDATION_FAILED at /States/X: message}. */
  public String toLine() {
    return severity + " " + code + location.map(l -> " at " + l).orElse("") + ": " + message;
  }
}
