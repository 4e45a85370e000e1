package com.leadhandoff.local.asl.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Collects validation problems so that all of them are reported at once. */
final class Problems {
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Deque<String[]> scopes = new ArrayDeque<>();

  /** A schema problem at {@code where} (a state, or one of its fields in words). */
  void add(String where, String message) {
    add(Diagnostic.SCHEMA_VALIDATION_FAILED, where, Optional.empty(), message);
  }

  /** A schema problem with the named {@code field} of the place {@code where}. */
  void addAt(String where, String field, String message) {
    add(Diagnostic.SCHEMA_VALIDATION_FAILED, where, Optional.of(field), message);
  }

  /** A problem of the given code; {@code field}, if any, is appended to the location. */
  void add(String code, String where, Optional<String> field, String message) {
    String base = locate(where);
    String location = field.map(f -> (base.equals("/") ? "" : base) + "/" + f).orElse(base);
    diagnostics.add(new Diagnostic(code, message, Optional.of(location), where));
  }

  /** A problem of the whole workflow, with no location (as MISSING_END_STATE is reported). */
  void addGlobal(String code, String where, String message) {
    diagnostics.add(new Diagnostic(code, message, Optional.empty(), where));
  }

  /**
   * Runs {@code body} with locations nested under {@code where} (a branch of a state): a state
   * named inside it is located below the branch, and {@code where} itself at the branch.
   */
  <T> T within(String where, Supplier<T> body) {
    scopes.push(new String[] {where, locate(where)});
    try {
      return body.get();
    } finally {
      scopes.pop();
    }
  }

  private String locate(String where) {
    if (scopes.isEmpty()) {
      return Locations.of("", where);
    }
    String[] scope = scopes.peek();
    return where.equals(scope[0]) ? scope[1] : Locations.of(scope[1], where);
  }

  boolean isEmpty() {
    return diagnostics.isEmpty();
  }

  void throwIfAny() {
    if (!diagnostics.isEmpty()) {
      throw InvalidDefinitionException.of(diagnostics);
    }
  }
}
