package com.leadhandoff.local.asl.parse;

import java.util.ArrayList;
import java.util.List;

/** Collects validation problems so that all of them are reported at once. */
final class Problems {
  private final List<String> messages = new ArrayList<>();

  void add(String where, String message) {
    messages.add(where + ": " + message);
  }

  boolean isEmpty() {
    return messages.isEmpty();
  }

  void throwIfAny() {
    if (!messages.isEmpty()) {
      throw new InvalidDefinitionException(messages);
    }
  }
}
