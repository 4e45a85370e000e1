package com.leadhandoff.local.asl.validate;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns where the parser found a problem ({@code State 'X' Retry[0]}, {@code Definition}) and the
 * field its message starts with into the diagnostic location the API reference describes: a JSON
 * pointer such as {@code /States/X/Retry/0/MaxAttempts}.
 */
final class ProblemLocations {
  private static final Pattern STATE = Pattern.compile("^State '(.*?)'((?: \\S+)*)$");
  private static final Pattern INDEXED = Pattern.compile("^([A-Za-z]+)\\[(\\d+)]$");
  // A step is "field 'name'" (a Parameters key, which may hold spaces) or one word.
  private static final Pattern STEP = Pattern.compile("field '([^']*)'|(\\S+)");
  private static final Pattern LEADING_FIELD = Pattern.compile("^([A-Z][A-Za-z]*)(?:\\.\\$)? ");

  private ProblemLocations() {}

  /** The pointer for {@code where} and {@code message}, or empty when the place is unknown. */
  static Optional<String> of(String where, String message) {
    StringBuilder pointer = new StringBuilder();
    if (!"Definition".equals(where)) {
      Matcher state = STATE.matcher(where);
      if (!state.matches()) {
        return Optional.empty();
      }
      pointer.append("/States/").append(escape(state.group(1)));
      appendSteps(pointer, state.group(2));
    }
    Matcher field = LEADING_FIELD.matcher(message);
    if (field.find()) {
      pointer.append('/').append(field.group(1));
    } else if (message.startsWith("transition to unknown state")
        && pointer.indexOf("/Catch/") < 0
        && pointer.indexOf("/Choices/") < 0) {
      pointer.append("/Next");
    }
    return pointer.length() == 0 ? Optional.of("/") : Optional.of(pointer.toString());
  }

  private static void appendSteps(StringBuilder pointer, String steps) {
    Matcher step = STEP.matcher(steps);
    while (step.find()) {
      if (step.group(1) != null) {
        pointer.append('/').append(escape(step.group(1)));
        continue;
      }
      Matcher indexed = INDEXED.matcher(step.group(2));
      if (indexed.matches()) {
        pointer.append('/').append(indexed.group(1)).append('/').append(indexed.group(2));
      } else {
        pointer.append('/').append(escape(step.group(2)));
      }
    }
  }

  // RFC 6901: "~" and "/" inside a name are escaped.
  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
