package com.leadhandoff.report;

import com.leadhandoff.outcome.Outcome;
import com.leadhandoff.sla.OfferFact;
import com.leadhandoff.sla.SlaFacts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Works out an {@link SlaReport} from the SLA facts of the period's leads; reads nothing. */
public final class SlaReportCalculator {
  static final String TOTAL = "all";
  static final String NO_REASON = "UNSPECIFIED";
  private static final List<Outcome> AFTER_ACCEPTED =
      List.of(Outcome.SQL, Outcome.MEETING, Outcome.WON);

  private SlaReportCalculator() {}

  /** The report of {@code facts}, the leads received from {@code from} to {@code to}. */
  public static SlaReport of(
      LocalDate from, LocalDate to, GroupBy groupBy, Collection<SlaFacts> facts) {
    Map<String, List<SlaFacts>> byKey = new TreeMap<>();
    for (SlaFacts f : facts) {
      for (String key : groupBy.keys(f)) {
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
      }
    }
    List<GroupRow> rows = new ArrayList<>();
    byKey.forEach((key, leads) -> rows.add(row(key, leads, Optional.of(groupBy))));
    return new SlaReport(
        from,
        to,
        groupBy,
        rows,
        row(TOTAL, List.copyOf(facts), Optional.empty()),
        ScoreCalibration.of(facts),
        notes(groupBy));
  }

  /** One lead as a row sees it: for rep and team rows, only the row's own offers count. */
  private record View(
      SlaFacts facts,
      List<OfferFact> offers,
      boolean withinSla,
      Optional<Instant> ownedAt,
      Optional<Duration> workingTimeToAccept) {}

  private static View view(SlaFacts f, String key, Optional<GroupBy> groupBy) {
    if (groupBy.isPresent() && groupBy.get().byOffer()) {
      List<OfferFact> own =
          f.offers().stream().filter(o -> groupBy.get().key(o).equals(key)).toList();
      Optional<OfferFact> accepted =
          own.stream().filter(o -> o.outcome() == OfferFact.Outcome.ACCEPTED).findFirst();
      return new View(
          f,
          own,
          accepted.filter(OfferFact::met).isPresent(),
          accepted.flatMap(OfferFact::answeredAt),
          accepted.flatMap(o -> f.workingTimeToAccept()));
    }
    boolean byRep = f.owner().filter(o -> o.kind() == SlaFacts.FirstOwner.Kind.REP).isPresent();
    return new View(
        f,
        f.offers(),
        f.acceptedWithinSla(),
        f.owner().map(SlaFacts.FirstOwner::at),
        byRep ? f.workingTimeToAccept() : Optional.empty());
  }

  static GroupRow row(String key, List<SlaFacts> facts, Optional<GroupBy> groupBy) {
    List<View> views = facts.stream().map(f -> view(f, key, groupBy)).toList();
    int within = (int) views.stream().filter(View::withinSla).count();
    List<Long> seconds =
        views.stream()
            .flatMap(v -> v.workingTimeToAccept().stream())
            .map(Duration::getSeconds)
            .toList();
    int breaches = 0;
    Map<String, Integer> declines = new TreeMap<>();
    for (View v : views) {
      for (OfferFact o : v.offers()) {
        if (o.outcome() == OfferFact.Outcome.BREACHED) {
          breaches++;
        } else if (o.outcome() == OfferFact.Outcome.DECLINED) {
          declines.merge(o.declineReason().orElse(NO_REASON), 1, Integer::sum);
        }
      }
    }
    return new GroupRow(
        key,
        views.size(),
        within,
        share(within, views.size(), 3),
        Percentiles.nearestRank(seconds, 50),
        Percentiles.nearestRank(seconds, 90),
        breaches,
        (int) views.stream().filter(v -> v.facts().escalated()).count(),
        declines,
        funnel(views));
  }

  private static final List<String> STAGES = List.of("MQL", "ACCEPTED", "SQL", "MEETING", "WON");

  /**
   * How far one lead went: the last stage it reached (0 = MQL … 4 = WON; a later outcome implies
   * the earlier stages) and, per stage, when it got there, empty where that was not recorded.
   */
  private record Reach(int last, List<Optional<Instant>> at) {}

  private static Reach reach(View v) {
    Map<Outcome, Instant> outcomes = v.facts().outcomes();
    List<Optional<Instant>> at = new ArrayList<>();
    at.add(Optional.of(v.facts().receivedAt()));
    at.add(v.ownedAt());
    boolean owned = v.ownedAt().isPresent();
    int last = owned ? 1 : 0;
    for (int i = 0; i < AFTER_ACCEPTED.size(); i++) {
      // Only an owner reports outcomes: one on a lead the row did not own is not the row's.
      Optional<Instant> when =
          Optional.ofNullable(outcomes.get(AFTER_ACCEPTED.get(i))).filter(x -> owned);
      at.add(when);
      if (when.isPresent()) {
        last = 2 + i;
      }
    }
    return new Reach(last, at);
  }

  private static Funnel funnel(List<View> views) {
    List<Reach> reaches = views.stream().map(SlaReportCalculator::reach).toList();
    List<Funnel.Stage> stages = new ArrayList<>();
    for (int s = 0; s < STAGES.size(); s++) {
      int stage = s;
      int count = (int) reaches.stream().filter(r -> r.last() >= stage).count();
      if (s == 0) {
        stages.add(new Funnel.Stage(STAGES.get(s), count, Optional.empty(), Optional.empty()));
        continue;
      }
      int previous = (int) reaches.stream().filter(r -> r.last() >= stage - 1).count();
      List<Long> gaps = new ArrayList<>();
      for (Reach r : reaches) {
        Optional<Instant> from = r.at().get(s - 1);
        Optional<Instant> to = r.at().get(s);
        if (from.isPresent() && to.isPresent()) {
          gaps.add(Duration.between(from.get(), to.get()).getSeconds());
        }
      }
      stages.add(
          new Funnel.Stage(
              STAGES.get(s),
              count,
              share(count, previous, 3),
              Percentiles.nearestRank(gaps, 50).map(sec -> round(sec / 86_400.0, 1))));
    }
    return new Funnel(stages);
  }

  static Optional<Double> share(int part, int whole, int decimals) {
    return whole == 0 ? Optional.empty() : Optional.of(round((double) part / whole, decimals));
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  private static List<String> notes(GroupBy groupBy) {
    List<String> notes = new ArrayList<>();
    notes.add(
        "Percentiles and medians are nearest-rank: the value at rank ceil(p/100 * n) of the sorted"
            + " values, so each is a time some lead really took (the median of an even count is"
            + " the lower middle value).");
    notes.add(
        "Time to accept counts from the lead's receipt to a rep's acceptance, in the working time"
            + " of the accepting rep's team (around the clock for a team without a calendar).");
    if (groupBy.byOffer()) {
      notes.add(
          "By "
              + groupBy.name().toLowerCase(java.util.Locale.ROOT)
              + ", a lead counts in the row of every "
              + groupBy.name().toLowerCase(java.util.Locale.ROOT)
              + " it was offered to, so rows add up to more than the total; breaches and declines"
              + " are the row's own offers, and accepted within SLA means the row accepted by its"
              + " own offer's deadline.");
    }
    notes.add(
        "MQL counts the leads routed in the period (those with SLA facts); ACCEPTED counts leads"
            + " with an owner (a rep who accepted, or for the total and source, campaign and tier"
            + " rows also a manager or queue after escalation); SQL, MEETING and WON come from"
            + " the recorded outcomes, a later stage implying the earlier ones.");
    notes.add(
        "Calibration is over every lead of the period, whatever the grouping: per score tier and per"
            + " scoring rule that fired, the leads and the share an owner reported as SQL or"
            + " further (meeting booked, won); a lead counts for every rule that fired on it.");
    notes.add(
        "Declines are counted by the reason code the rep chose; "
            + NO_REASON
            + " counts declines recorded before the facts carried reasons.");
    return notes;
  }
}
