package com.leadhandoff.offer;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** The decline form as submitted: a valid reason, or what is wrong with it. */
public sealed interface DeclineForm {
  /** Longest reason a rep may type, after trimming. */
  int MAX_DETAILS = 500;

  /** The reasons a rep can pick; {@code OTHER} needs words of their own. */
  enum Choice {
    NOT_MY_TERRITORY("Not my territory or segment"),
    NO_CAPACITY("No capacity right now"),
    NOT_A_FIT("Not a fit or spam"),
    OTHER("Other");

    private final String label;

    Choice(String label) {
      this.label = label;
    }

    /** How the choice reads on the form and in the lead's history. */
    public String label() {
      return label;
    }
  }

  /**
   * A usable reason.
   *
   * @param text what the history and the workflow record, e.g. {@code Not my territory: Portugal}
   */
  record Reason(Optional<Choice> choice, String text) implements DeclineForm {}

  /** Why the form cannot be accepted, as told to the rep. */
  record Problem(String message) implements DeclineForm {}

  /** Reads fields {@code reasonCode} (one of {@link Choice}, optional) and {@code reason}. */
  static DeclineForm from(Map<String, String> fields) {
    Optional<Choice> choice =
        Arrays.stream(Choice.values())
            .filter(c -> c.name().equals(fields.get("reasonCode")))
            .findFirst();
    String details = Optional.ofNullable(fields.get("reason")).map(String::strip).orElse("");
    if (details.length() > MAX_DETAILS) {
      return new Problem(
          "Please keep the reason to "
              + MAX_DETAILS
              + " characters; it was "
              + details.length()
              + ".");
    }
    if (details.isEmpty() && choice.filter(c -> c != Choice.OTHER).isEmpty()) {
      return new Problem("Please say why you decline, so the next rep and your manager know.");
    }
    String text =
        choice
            .filter(c -> c != Choice.OTHER)
            .map(c -> details.isEmpty() ? c.label() : c.label() + ": " + details)
            .orElse(details);
    return new Reason(choice, text);
  }
}
