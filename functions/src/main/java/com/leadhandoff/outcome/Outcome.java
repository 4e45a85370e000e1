package com.leadhandoff.outcome;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What became of a lead after a rep, manager or queue took it: the stages of the closed loop. */
public enum Outcome {
  SQL("Qualified (SQL)", "sqlAt"),
  MEETING("Meeting booked", "meetingAt"),
  DISQUALIFIED("Disqualified", "disqualifiedAt"),
  WON("Won", "wonAt"),
  LOST("Lost", "lostAt");

  private final String label;
  private final String reachedAttribute;

  Outcome(String label, String reachedAttribute) {
    this.label = label;
    this.reachedAttribute = reachedAttribute;
  }

  /** How pages and emails name it. */
  public String label() {
    return label;
  }

  /**
   * The lead attribute that keeps when the lead reached this stage, as the first outcome of it
   * recorded says, so a report can compute the days between stages without reading the history.
   */
  public String reachedAttribute() {
    return reachedAttribute;
  }

  /** Whether recording it needs a {@link DisqualifyReason}. */
  public boolean needsReason() {
    return this == DISQUALIFIED;
  }

  /** The outcome named {@code text} in any letter case, e.g. {@code won}. */
  public static Optional<Outcome> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String name = text.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(o -> o.name().equals(name)).findFirst();
  }
}
