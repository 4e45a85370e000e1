package com.leadhandoff.routing;

import java.util.List;
import java.util.Optional;

/** The outcome of choosing a rep for one offer: a rep, or the reason there is none. */
public sealed interface Selection {
  /** Reps passed over on the way, each with why, for the lead's history. */
  List<Skipped> skipped();

  /** A rep of the team who was not chosen, and why. */
  record Skipped(Rep rep, String why) {}

  /**
   * The chosen rep.
   *
   * @param turn the team's round-robin turn that picked the rep; 0 when the rep was chosen with a
   *     turn credited back to them
   * @param caveat what the history should add about the choice, e.g. that nobody was on shift
   */
  record Chosen(Rep rep, long turn, List<Skipped> skipped, Optional<String> caveat)
      implements Selection {
    public Chosen {
      skipped = List.copyOf(skipped);
    }

    /** A rep chosen with nothing to add. */
    public Chosen(Rep rep, long turn, List<Skipped> skipped) {
      this(rep, turn, skipped, Optional.empty());
    }
  }

  /** Nobody in the team can be offered the lead. */
  record NoneLeft(String reason, List<Skipped> skipped) implements Selection {
    public NoneLeft {
      skipped = List.copyOf(skipped);
    }
  }
}
