package com.leadhandoff.local.asl.parse;

import com.leadhandoff.local.asl.eval.VariablePaths;

/**
 * Checks variable names as the developer guide's "Passing data between states with variables"
 * describes them: an identifier (a letter or underscore, then letters, digits or underscores) of at
 * most 80 characters, never {@code states}, which Step Functions reserves.
 */
final class VariableNames {
  static final int MAX_LENGTH = 80;

  private VariableNames() {}

  static void check(String name, String where, Problems p) {
    if (name.isEmpty()) {
      p.add(where, "a variable name must not be empty");
      return;
    }
    if (name.equals("states")) {
      p.add(where, "the variable name 'states' is reserved ($states)");
      return;
    }
    if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
      p.add(where, "the variable name '" + name + "' is longer than " + MAX_LENGTH + " characters");
      return;
    }
    boolean valid = VariablePaths.isNameStart(name.codePointAt(0));
    for (int i = Character.charCount(name.codePointAt(0)); valid && i < name.length(); ) {
      int c = name.codePointAt(i);
      valid = VariablePaths.isNamePart(c);
      i += Character.charCount(c);
    }
    if (!valid) {
      p.add(
          where,
          "'"
              + name
              + "' is not a valid variable name (a letter or underscore, then letters, digits or"
              + " underscores)");
    }
  }
}
