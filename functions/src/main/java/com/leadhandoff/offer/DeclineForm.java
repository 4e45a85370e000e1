package com.leadhandoff.offer;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** The decline form as submitted: a valid reason, or what is wrong with it. */
public sealed interface DeclineForm {
  /** Longest reason a rep may type, after trimming. */
  int MAX_DETAILS = 500;

  /**
   * The reasons a rep can pick. Routing reasons send the lead to the next rep; the others say the
   * lead should not be worked by sales at all, so it goes back to marketing with the reason. {@code
   * OTHER} needs words of their own.
   */
  enum Choice {
    NOT_MY_TERRITORY("Not my territory", false),
    NOT_A_FIT("Not a fit", true),
    DUPLICATE("Duplicate of a lead I already have", false),
    BAD_DATA("Bad data", true),
    SPAM("Spam", true),
    OTHER("Other", false);

    private final String label;
    private final boolean recycles;

    Choice(String label, boolean recycles) {
      this.label = label;
      this.recycles = recycles;
    }

    /** How the choice reads on the form and in the lead's history. */
    public String label() {
      return label;
    }

    /** Whether this reason hands the lead back to marketing instead of to the next rep. */
    public boolean recycles() {
      return recycles;
    }
  }

  /**
   * A usable reason.
   *
   * @param text what the history and the workflow record, e.g. {@code Not my territory: Portugal}
   */
  record Reason(Optional<Choice> choice, String text) implements DeclineForm {
    /** Whether the lead goes back to marketing rather than to the next rep. */
    public boolean recycles() {
      return choice.map(Choice::recycles).orElse(false);
    }
  }

  /**
   * Whether a stored reason text came from a choice that recycles the lead: the text is the
   * choice's label, or the label, a colon and the rep's words. Free text under {@code OTHER} that
   * happens to read the same cannot be told apart, so prefer what was recorded with the decline.
   */
  static boolean readsAsRecycling(String text) {
    return Arrays.stream(Choice.values())
        .filter(Choice::recycles)
        .anyMatch(c -> text.equals(c.label()) || text.startsWith(c.label() + ": "));
  }

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
