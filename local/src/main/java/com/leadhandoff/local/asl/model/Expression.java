package com.leadhandoff.local.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The value of a {@code .$} field, an ErrorPath/CausePath, or an intrinsic function argument. */
public sealed interface Expression {
  /** A literal argument of an intrinsic function (string, number, boolean or null). */
  record Literal(JsonNode value) implements Expression {}

  /** A path into the state's effective input ({@code $…}). */
  record InputPath(String path) implements Expression {}

  /** A path into the context object ({@code $$…}), stored without the first {@code $}. */
  record ContextPath(String path) implements Expression {}

  /**
   * A path into a workflow variable ({@code $name}, {@code $name.field}): {@code path} is the rest
   * as a JSONPath on the variable's value ({@code $}, {@code $.field}).
   */
  record VariablePath(String name, String path) implements Expression {}

  /**
   * An intrinsic function call such as {@code States.Format('{}', $.name)}.
   *
   * @param text the call as written in the definition, which error causes quote
   */
  record Intrinsic(String function, List<Expression> arguments, String text) implements Expression {
    public Intrinsic {
      arguments = List.copyOf(arguments);
    }

    /** A call built in code rather than parsed: its text is the function and argument count. */
    public Intrinsic(String function, List<Expression> arguments) {
      this(function, arguments, function + "(" + arguments.size() + " argument(s))");
    }
  }
}
