package com.leadhandoff.intake;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A request body read into fields, or why it could not be read. */
public sealed interface ParsedBody {

  /**
   * The body's fields, not yet validated.
   *
   * @param kind the format they came in; it decides how lists are written
   * @param values every value of every field, in the order sent; a JSON array gives several values
   * @param shapeProblems fields whose JSON value has a shape no field takes (an object, a nested
   *     list), by field name; only reported for fields intake knows
   */
  record Fields(
      BodyFormat.Kind kind, Map<String, List<String>> values, Map<String, String> shapeProblems)
      implements ParsedBody {
    public Fields {
      values = Map.copyOf(values);
      shapeProblems = Map.copyOf(shapeProblems);
    }

    /** Every value sent for {@code name}, possibly none. */
    public List<String> all(String name) {
      return values.getOrDefault(name, List.of());
    }

    /** What is wrong with the shape of {@code name}'s value, if anything. */
    public Optional<String> shapeProblem(String name) {
      return Optional.ofNullable(shapeProblems.get(name));
    }
  }

  /**
   * The body is not well-formed JSON or form encoding.
   *
   * @param message what is wrong, and where, for the developer wiring up the form
   * @param errors the fields at fault when the problem is one (a key given twice); else empty
   */
  record Unreadable(String message, List<FieldError> errors) implements ParsedBody {
    public Unreadable {
      errors = List.copyOf(errors);
    }

    /** A body that is unreadable as a whole. */
    public Unreadable(String message) {
      this(message, List.of());
    }
  }
}
