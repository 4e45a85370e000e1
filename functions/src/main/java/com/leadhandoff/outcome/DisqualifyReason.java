package com.leadhandoff.outcome;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a lead was disqualified: a fixed list, so marketing can count reasons per campaign instead of
 * reading free text.
 */
public enum DisqualifyReason {
  NO_BUDGET("No budget"),
  NO_AUTHORITY("Not the decision maker"),
  NO_NEED("No need for the product"),
  BAD_TIMING("Not the right time"),
  COMPETITOR("Chose a competitor"),
  UNRESPONSIVE("Never responded"),
  BAD_DATA("Fake or wrong contact details");

  private final String label;

  DisqualifyReason(String label) {
    this.label = label;
  }

  /** How pages name it. */
  public String label() {
    return label;
  }

  /** The reason named {@code text} in any letter case, e.g. {@code no_budget}. */
  public static Optional<DisqualifyReason> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String name = text.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
  }
}
