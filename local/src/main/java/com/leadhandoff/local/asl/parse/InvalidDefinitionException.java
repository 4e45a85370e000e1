package com.leadhandoff.local.asl.parse;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A definition the interpreter refuses. Its message is Step Functions' InvalidDefinition text
 * ("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: … at /States/S/Seconds, …'");
 * {@link #diagnostics()} lists every problem found.
 */
public final class InvalidDefinitionException extends RuntimeException {
  private final List<Diagnostic> diagnostics;

  /** Problems in words with no location, each a SCHEMA_VALIDATION_FAILED. */
  public InvalidDefinitionException(List<String> problems) {
    this(
        problems.stream()
            .map(p -> new Diagnostic(Diagnostic.SCHEMA_VALIDATION_FAILED, p, Optional.empty(), ""))
            .toList(),
        "");
  }

  private InvalidDefinitionException(List<Diagnostic> diagnostics, String unused) {
    super(
        "Invalid State Machine Definition: '"
            + diagnostics.stream().map(Diagnostic::awsText).collect(Collectors.joining(", "))
            + "'");
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** The exception listing {@code diagnostics}. */
  public static InvalidDefinitionException of(List<Diagnostic> diagnostics) {
    return new InvalidDefinitionException(diagnostics, "");
  }

  /** Every problem, with its code, message and location. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** Each problem in words, naming the state (or top-level field) and the construct. */
  public List<String> problems() {
    return diagnostics.stream().map(Diagnostic::legacyText).toList();
  }
}
