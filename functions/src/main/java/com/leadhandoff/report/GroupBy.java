package com.leadhandoff.report;

import com.leadhandoff.sla.OfferFact;
import com.leadhandoff.sla.SlaFacts;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a report's rows are. By rep or team a lead counts in the row of every rep (team) it was
 * offered to, since each answered or breached their own offer; by source, campaign or tier it
 * counts in exactly one row.
 */
public enum GroupBy {
  REP(true),
  TEAM(true),
  SOURCE(false),
  CAMPAIGN(false),
  TIER(false);

  /** The row of leads that carry no value for the grouping, e.g. a form without utm_campaign. */
  public static final String NONE = "(none)";

  private final boolean byOffer;

  GroupBy(boolean byOffer) {
    this.byOffer = byOffer;
  }

  /** Whether rows are reps or teams, whose members each had their own offer of the lead. */
  public boolean byOffer() {
    return byOffer;
  }

  /** The key of an offer's row; only for {@link #byOffer()} groupings. */
  String key(OfferFact offer) {
    return this == REP ? offer.repId() : blankToNone(offer.teamId());
  }

  /** The rows {@code facts} counts in: one, or for reps and teams one per rep (team) offered. */
  List<String> keys(SlaFacts facts) {
    if (byOffer) {
      return facts.offers().stream().map(this::key).distinct().toList();
    }
    Function<SlaFacts, Optional<String>> value =
        switch (this) {
          case SOURCE -> f -> f.origin().source();
          case CAMPAIGN -> f -> f.origin().campaign();
          default -> f -> f.origin().tier();
        };
    return List.of(value.apply(facts).map(GroupBy::blankToNone).orElse(NONE));
  }

  /** The grouping named {@code text} in any letter case, e.g. {@code campaign}. */
  public static Optional<GroupBy> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String name = text.strip().toUpperCase(Locale.ROOT);
    for (GroupBy g : values()) {
      if (g.name().equals(name)) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }

  private static String blankToNone(String value) {
    return value == null || value.isBlank() ? NONE : value;
  }
}
