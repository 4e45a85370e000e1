package com.leadhandoff.digest;

import com.leadhandoff.report.GroupBy;
import com.leadhandoff.report.GroupRow;
import com.leadhandoff.report.SlaReport;
import com.leadhandoff.report.SlaReportCalculator;
import com.leadhandoff.report.charts.WeekCompliance;
import com.leadhandoff.sla.OfferFact;
import com.leadhandoff.sla.SlaFacts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Works out a team's {@link DigestContent} from SLA facts; reads nothing. The figures are the SLA
 * report's team row ({@link SlaReportCalculator}) over the leads received in the week, so the
 * digest and {@code GET /admin/reports/sla?groupBy=team} agree on a week.
 */
public final class DigestCalculator {
  /** How many slow acceptances a digest lists. */
  public static final int SLOWEST = 5;

  /** How many weeks the compliance chart shows, the week reported on last. */
  public static final int TREND_WEEKS = 4;

  private static final DateTimeFormatter WEEK_LABEL =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  private DigestCalculator() {}

  /**
   * The digest of {@code team}'s {@code week}.
   *
   * @param facts the facts of at least every lead received in the {@link #TREND_WEEKS} weeks up to
   *     the end of {@code week}; others (other teams, other days) are left out here
   */
  public static DigestContent of(DigestTeam team, DigestWeek week, Collection<SlaFacts> facts) {
    List<SlaFacts> ofWeek = receivedIn(facts, week.from(), week.to());
    GroupRow row = teamRow(team, week, ofWeek);
    List<WeekCompliance> trend =
        week.lastWeeks(TREND_WEEKS, team.zone()).stream()
            .map(
                w ->
                    new WeekCompliance(
                        WEEK_LABEL.format(w.monday()),
                        teamRow(team, w, receivedIn(facts, w.from(), w.to()))
                            .shareAcceptedWithinSla()))
            .toList();
    return new DigestContent(
        team, week, row, slowest(team, ofWeek), breachesByRep(team, ofWeek), trend);
  }

  private static GroupRow teamRow(DigestTeam team, DigestWeek week, List<SlaFacts> facts) {
    ZoneId zone = team.zone();
    SlaReport report =
        SlaReportCalculator.of(
            week.monday(), week.to().atZone(zone).toLocalDate().minusDays(1), GroupBy.TEAM, facts);
    return report.groups().stream()
        .filter(g -> g.group().equals(team.teamId()))
        .findFirst()
        .orElseGet(() -> empty(team, week));
  }

  private static GroupRow empty(DigestTeam team, DigestWeek week) {
    GroupRow none =
        SlaReportCalculator.of(week.monday(), week.monday(), GroupBy.TEAM, List.of()).total();
    return new GroupRow(
        team.teamId(),
        0,
        0,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        0,
        0,
        Map.of(),
        none.funnel());
  }

  private static List<SlaFacts> receivedIn(Collection<SlaFacts> facts, Instant from, Instant to) {
    return facts.stream()
        .filter(f -> !f.receivedAt().isBefore(from) && f.receivedAt().isBefore(to))
        .toList();
  }

  private static List<DigestContent.SlowResponse> slowest(DigestTeam team, List<SlaFacts> facts) {
    return facts.stream()
        .flatMap(
            f ->
                f.offers().stream()
                    .filter(o -> o.outcome() == OfferFact.Outcome.ACCEPTED)
                    .filter(o -> team.teamId().equals(o.teamId()))
                    .findFirst()
                    .flatMap(
                        o ->
                            f.workingTimeToAccept()
                                .flatMap(
                                    working ->
                                        f.wallTimeToAccept()
                                            .map(
                                                wall ->
                                                    new DigestContent.SlowResponse(
                                                        f.leadId(),
                                                        o.repId(),
                                                        working,
                                                        wall,
                                                        o.met()))))
                    .stream())
        .sorted(
            Comparator.comparing(DigestContent.SlowResponse::workingTime)
                .reversed()
                .thenComparing(DigestContent.SlowResponse::leadId))
        .limit(SLOWEST)
        .toList();
  }

  private static Map<String, Integer> breachesByRep(DigestTeam team, List<SlaFacts> facts) {
    Map<String, Integer> counts = new TreeMap<>();
    for (SlaFacts f : facts) {
      for (OfferFact o : f.offers()) {
        if (o.outcome() == OfferFact.Outcome.BREACHED && team.teamId().equals(o.teamId())) {
          counts.merge(o.repId(), 1, Integer::sum);
        }
      }
    }
    Map<String, Integer> mostFirst = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(e -> mostFirst.put(e.getKey(), e.getValue()));
    return mostFirst;
  }
}
