package com.leadhandoff.report;

import static com.leadhandoff.report.LeadHistoryBuilder.received;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.leadhandoff.outcome.Outcome;
import com.leadhandoff.sla.SlaFacts;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlaReportCalculatorTest {
  private static final LocalDate FROM = LocalDate.parse("2026-11-23");
  private static final LocalDate TO = LocalDate.parse("2026-11-29");

  /**
   * Monday 2026-11-23, team emea (Berlin, 09:00-17:00, so 08:00-16:00 UTC) and amer (no calendar):
   * L1 accepted by ana in 10 min; L2 breached by ben, then accepted by cai (amer) 40 min after
   * receipt; L3 declined by ana, breached by ben, escalated; L4 accepted by ana in 20 min.
   */
  private static List<SlaFacts> mondayLeads() {
    return List.of(
        received("L1", "2026-11-23T10:00Z", "google", "black-friday")
            .offered("2026-11-23T10:00Z", "o1", "ana", "emea", "2026-11-23T10:30Z")
            .accepted("2026-11-23T10:10Z", "o1", "ana")
            .facts(),
        received("L2", "2026-11-23T10:00Z", "google", null)
            .offered("2026-11-23T10:00Z", "o1", "ben", "emea", "2026-11-23T10:30Z")
            .expired("2026-11-23T10:30Z", "o1")
            .offered("2026-11-23T10:30Z", "o2", "cai", "amer", "2026-11-23T11:00Z")
            .accepted("2026-11-23T10:40Z", "o2", "cai")
            .facts(),
        received("L3", "2026-11-23T11:00Z", "linkedin", null)
            .offered("2026-11-23T11:00Z", "o1", "ana", "emea", "2026-11-23T11:30Z")
            .declined("2026-11-23T11:05Z", "o1", "NOT_MY_TERRITORY")
            .offered("2026-11-23T11:05Z", "o2", "ben", "emea", "2026-11-23T12:00Z")
            .expired("2026-11-23T12:00Z", "o2")
            .escalated("2026-11-23T12:00Z", "mia@example.com")
            .facts(),
        received("L4", "2026-11-23T12:00Z", "google", null)
            .offered("2026-11-23T12:00Z", "o1", "ana", "emea", "2026-11-23T12:30Z")
            .accepted("2026-11-23T12:20Z", "o1", "ana")
            .facts());
  }

  @Test
  void byTeam_eachTeamAnswersForItsOwnOffers_andTheTotalCountsEveryLeadOnce() {
    // GIVEN Monday's four leads
    List<SlaFacts> leads = mondayLeads();

    // WHEN the report groups them by team
    SlaReport report = SlaReportCalculator.of(FROM, TO, GroupBy.TEAM, leads);

    // THEN amer accepted its one lead in time; emea had all four, accepted two in time (600 s
    // and 1,200 s: p50 is rank 1, p90 rank ceil(1.8) = 2), breached two and declined one
    assertEquals(List.of("amer", "emea"), report.groups().stream().map(GroupRow::group).toList());
    GroupRow amer = report.groups().get(0);
    assertEquals(1, amer.leads());
    assertEquals(Optional.of(1.0), amer.shareAcceptedWithinSla());
    assertEquals(Optional.of(2400L), amer.p50WorkingSecondsToAccept());
    assertEquals(0, amer.breaches());
    GroupRow emea = report.groups().get(1);
    assertEquals(4, emea.leads());
    assertEquals(2, emea.acceptedWithinSla());
    assertEquals(Optional.of(0.5), emea.shareAcceptedWithinSla());
    assertEquals(Optional.of(600L), emea.p50WorkingSecondsToAccept());
    assertEquals(Optional.of(1200L), emea.p90WorkingSecondsToAccept());
    assertEquals(2, emea.breaches());
    assertEquals(1, emea.escalations());
    assertEquals(Map.of("NOT_MY_TERRITORY", 1), emea.declinesByReason());
    // AND the total: 4 leads, 2 accepted with no breach (L2 had one), times 600/1200/2400 s
    GroupRow total = report.total();
    assertEquals(4, total.leads());
    assertEquals(Optional.of(0.5), total.shareAcceptedWithinSla());
    assertEquals(Optional.of(1200L), total.p50WorkingSecondsToAccept());
    assertEquals(Optional.of(2400L), total.p90WorkingSecondsToAccept());
    assertEquals(2, total.breaches());
    assertEquals(1, total.escalations());
  }

  @Test
  void byRep_aLeadCountsForEveryRepOffered_andARepIsNotBlamedForAnEarlierBreach() {
    // GIVEN Monday's four leads
    List<SlaFacts> leads = mondayLeads();

    // WHEN the report groups them by rep
    SlaReport report = SlaReportCalculator.of(FROM, TO, GroupBy.REP, leads);

    // THEN ana had three (two accepted in time, one declined), ben two (both breached), and cai
    // accepted L2 in time although ben had breached it first
    Map<String, GroupRow> rows = byGroup(report);
    assertEquals(List.of("ana", "ben", "cai"), List.copyOf(rows.keySet()));
    assertEquals(3, rows.get("ana").leads());
    assertEquals(Optional.of(0.667), rows.get("ana").shareAcceptedWithinSla());
    assertEquals(Map.of("NOT_MY_TERRITORY", 1), rows.get("ana").declinesByReason());
    assertEquals(2, rows.get("ben").leads());
    assertEquals(Optional.of(0.0), rows.get("ben").shareAcceptedWithinSla());
    assertEquals(Optional.empty(), rows.get("ben").p50WorkingSecondsToAccept());
    assertEquals(2, rows.get("ben").breaches());
    assertEquals(Optional.of(1.0), rows.get("cai").shareAcceptedWithinSla());
    assertEquals(0, rows.get("cai").breaches());
  }

  @Test
  void workingTime_countsOnlyTheTeamsHours_whenALeadIsAcceptedAcrossAWeekend() {
    // GIVEN a lead received Friday 16:00 in Berlin and accepted by ana (emea) Monday 09:30
    SlaFacts lead =
        received("W1", "2026-11-27T16:00+01:00", "google", null)
            .offered("2026-11-27T16:00+01:00", "o1", "ana", "emea", "2026-11-30T09:30+01:00")
            .accepted("2026-11-30T09:30+01:00", "o1", "ana")
            .facts();

    // WHEN the report groups by team
    SlaReport report = SlaReportCalculator.of(FROM, TO, GroupBy.TEAM, List.of(lead));

    // THEN time to accept is 1 h Friday + 30 min Monday = 5,400 s, not the 65.5 h on the wall,
    // and the answer, at the deadline, is within the SLA
    GroupRow emea = report.groups().get(0);
    assertEquals(Optional.of(5400L), emea.p50WorkingSecondsToAccept());
    assertEquals(Optional.of(5400L), emea.p90WorkingSecondsToAccept());
    assertEquals(Optional.of(1.0), emea.shareAcceptedWithinSla());
  }

  @Test
  void workingTime_acrossDaylightSavingChanges_countsTheTeamsHours_notTheWallClock() {
    // GIVEN leads received Friday 16:00 in Berlin and accepted by ana (emea) Monday: F1 over the
    // weekend the clocks fell back (2026-10-25), accepted 09:30 (66.5 h on the wall, 65.5 without
    // the change); S1 over the weekend they sprang forward (2027-03-28), accepted 10:00 (65 h on
    // the wall, 66 without the change)
    SlaFacts fellBack =
        received("F1", "2026-10-23T16:00+02:00", "google", null)
            .offered("2026-10-23T16:00+02:00", "o1", "ana", "emea", "2026-10-26T09:30+01:00")
            .accepted("2026-10-26T09:30+01:00", "o1", "ana")
            .facts();
    SlaFacts sprangForward =
        received("S1", "2027-03-26T16:00+01:00", "google", null)
            .offered("2027-03-26T16:00+01:00", "o1", "ana", "emea", "2027-03-29T09:30+02:00")
            .accepted("2027-03-29T10:00+02:00", "o1", "ana")
            .facts();

    // WHEN the report groups them by team
    SlaReport report =
        SlaReportCalculator.of(FROM, TO, GroupBy.TEAM, List.of(fellBack, sprangForward));

    // THEN each took 1 h on Friday and 30 min (F1) or 1 h (S1) on Monday: 5,400 s and 7,200 s of
    // working time (p50 rank 1, p90 rank 2); S1 answered after its deadline, so one of two is in
    // time
    assertEquals(Duration.ofHours(66).plusMinutes(30), fellBack.wallTimeToAccept().orElseThrow());
    assertEquals(Duration.ofHours(65), sprangForward.wallTimeToAccept().orElseThrow());
    GroupRow emea = report.groups().get(0);
    assertEquals(Optional.of(5400L), emea.p50WorkingSecondsToAccept());
    assertEquals(Optional.of(7200L), emea.p90WorkingSecondsToAccept());
    assertEquals(1, emea.acceptedWithinSla());
    assertEquals(Optional.of(0.5), emea.shareAcceptedWithinSla());
  }

  @Test
  void funnel_convertsStageToStage_withMedianDaysBetween_andAWinImpliesTheMeeting() {
    // GIVEN five google leads accepted after 12 h or not at all, with outcomes:
    // F1 SQL +1d22h, meeting +3d, won +10d; F2 SQL +22h, won without a recorded meeting;
    // F3 SQL +3d22h; F4 no outcome; F5 never accepted; and F6 from no source
    List<SlaFacts> leads =
        List.of(
            accepted("F1", "google")
                .outcome("2026-11-25T10:00Z", Outcome.SQL)
                .outcome("2026-11-28T10:00Z", Outcome.MEETING)
                .outcome("2026-12-08T10:00Z", Outcome.WON)
                .facts(),
            accepted("F2", "google")
                .outcome("2026-11-24T10:00Z", Outcome.SQL)
                .outcome("2026-12-03T10:00Z", Outcome.WON)
                .facts(),
            accepted("F3", "google").outcome("2026-11-27T10:00Z", Outcome.SQL).facts(),
            accepted("F4", "google").facts(),
            received("F5", "2026-11-23T00:00Z", "google", null)
                .offered("2026-11-23T00:00Z", "o1", "cai", "amer", "2026-11-23T01:00Z")
                .expired("2026-11-23T01:00Z", "o1")
                .facts(),
            accepted("F6", null).facts());

    // WHEN the report groups them by source
    SlaReport report = SlaReportCalculator.of(FROM, TO, GroupBy.SOURCE, leads);

    // THEN google: 5 MQL → 4 accepted (0.8, 0.5 days) → 3 SQL (0.75, median of 0.9/1.9/3.9 d)
    // → 2 meetings (0.667, 3 days: F2's is not recorded) → 2 won (1.0, 10 days)
    Map<String, GroupRow> rows = byGroup(report);
    assertEquals(
        List.of(
            new Funnel.Stage("MQL", 5, Optional.empty(), Optional.empty()),
            new Funnel.Stage("ACCEPTED", 4, Optional.of(0.8), Optional.of(0.5)),
            new Funnel.Stage("SQL", 3, Optional.of(0.75), Optional.of(1.9)),
            new Funnel.Stage("MEETING", 2, Optional.of(0.667), Optional.of(3.0)),
            new Funnel.Stage("WON", 2, Optional.of(1.0), Optional.of(10.0))),
        rows.get("google").funnel().stages());
    // AND the lead without a source has its own row, whose funnel stops at accepted
    assertEquals(
        List.of(1, 1, 0, 0, 0),
        rows.get(GroupBy.NONE).funnel().stages().stream().map(Funnel.Stage::leads).toList());
    assertEquals(Optional.empty(), rows.get(GroupBy.NONE).funnel().stages().get(3).conversion());
    assertEquals(6, report.total().funnel().stages().get(0).leads());
  }

  @Test
  void byTierAndCampaign_leadsWithoutOneShareTheNoneRow() {
    // GIVEN a HOT lead from a campaign, a WARM one without, and one never scored
    List<SlaFacts> leads =
        List.of(
            accepted("T1", "google").scored("2026-11-23T00:00Z", "HOT").facts(),
            received("T2", "2026-11-23T00:00Z", "google", "black-friday")
                .scored("2026-11-23T00:00Z", "WARM")
                .facts(),
            received("T3", "2026-11-23T00:00Z", "google", "black-friday").facts());

    // WHEN the report groups by tier, then by campaign
    Map<String, GroupRow> byTier = byGroup(SlaReportCalculator.of(FROM, TO, GroupBy.TIER, leads));
    Map<String, GroupRow> byCampaign =
        byGroup(SlaReportCalculator.of(FROM, TO, GroupBy.CAMPAIGN, leads));

    // THEN each lead is in exactly one row of each
    assertEquals(List.of("(none)", "HOT", "WARM"), List.copyOf(byTier.keySet()));
    assertEquals(List.of("(none)", "black-friday"), List.copyOf(byCampaign.keySet()));
    assertEquals(2, byCampaign.get("black-friday").leads());
  }

  @Test
  void emptyPeriod_hasNoRows_andATotalWithoutSharesOrPercentiles() {
    // GIVEN no leads
    // WHEN the report is worked out
    SlaReport report = SlaReportCalculator.of(FROM, TO, GroupBy.REP, List.of());

    // THEN there are no rows, and the total says 0 without dividing by it
    assertEquals(List.of(), report.groups());
    GroupRow total = report.total();
    assertEquals(0, total.leads());
    assertEquals(Optional.empty(), total.shareAcceptedWithinSla());
    assertEquals(Optional.empty(), total.p50WorkingSecondsToAccept());
    assertEquals(Optional.empty(), total.p90WorkingSecondsToAccept());
    assertEquals(Map.of(), total.declinesByReason());
    for (Funnel.Stage stage : total.funnel().stages()) {
      assertEquals(0, stage.leads(), stage.stage());
      assertEquals(Optional.empty(), stage.conversion(), stage.stage());
      assertEquals(Optional.empty(), stage.medianDaysFromPrevious(), stage.stage());
    }
  }

  /** A lead received Monday 00:00 UTC and accepted by cai (amer, no calendar) 12 h later. */
  private static LeadHistoryBuilder accepted(String leadId, String source) {
    return received(leadId, "2026-11-23T00:00Z", source, null)
        .offered("2026-11-23T00:00Z", "o1", "cai", "amer", "2026-11-24T00:00Z")
        .accepted("2026-11-23T12:00Z", "o1", "cai");
  }

  private static Map<String, GroupRow> byGroup(SlaReport report) {
    Map<String, GroupRow> rows = new java.util.LinkedHashMap<>();
    report.groups().forEach(r -> rows.put(r.group(), r));
    return rows;
  }
}
