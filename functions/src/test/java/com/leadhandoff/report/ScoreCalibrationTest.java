package com.leadhandoff.report;

import static com.leadhandoff.report.LeadHistoryBuilder.received;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.leadhandoff.outcome.Outcome;
import com.leadhandoff.scoring.Score.Tier;
import com.leadhandoff.sla.SlaFacts;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScoreCalibrationTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-23");

  private static LeadHistoryBuilder acceptedLead(String id, Tier tier, String... rules) {
    return received(id, "2026-11-23T10:00Z", "google", null)
        .scoredBy("2026-11-23T10:00Z", tier, rules)
        .offered("2026-11-23T10:00Z", "o1", "ana", "emea", "2026-11-23T10:30Z")
        .accepted("2026-11-23T10:10Z", "o1", "ana");
  }

  /**
   * H1 HOT (demo-request, vp) reported SQL; H2 HOT (demo-request) reported only WON; H3 HOT
   * (demo-request, free-email) accepted with no outcome; W1 WARM (vp) reported MEETING then LOST;
   * W2 WARM (free-email) reported DISQUALIFIED; no COLD lead.
   */
  private static List<SlaFacts> week() {
    return List.of(
        acceptedLead("H1", Tier.HOT, "demo-request", "vp")
            .outcome("2026-11-24T10:00Z", Outcome.SQL)
            .facts(),
        acceptedLead("H2", Tier.HOT, "demo-request")
            .outcome("2026-12-01T10:00Z", Outcome.WON)
            .facts(),
        acceptedLead("H3", Tier.HOT, "demo-request", "free-email").facts(),
        acceptedLead("W1", Tier.WARM, "vp")
            .outcome("2026-11-25T10:00Z", Outcome.MEETING)
            .outcome("2026-11-30T10:00Z", Outcome.LOST)
            .facts(),
        acceptedLead("W2", Tier.WARM, "free-email")
            .outcome("2026-11-25T10:00Z", Outcome.DISQUALIFIED)
            .facts());
  }

  @Test
  void perTier_countsLeadsAndTheShareThatBecameSql_stagesBeyondSqlIncluded_emptyTierListed() {
    // GIVEN the week's five leads
    // WHEN the report is worked out
    Calibration calibration =
        SlaReportCalculator.of(DAY, DAY, GroupBy.CAMPAIGN, week()).calibration();

    // THEN HOT: 3 leads, 2 SQL (H1 reported SQL, H2 won, which implies it); WARM: 2 leads, 1 SQL
    // (W1's meeting implies it, its later loss does not undo it; W2 was disqualified); COLD is
    // listed with no leads and no share
    assertEquals(
        List.of(
            new Calibration.Row("HOT", 3, 2, Optional.of(0.667)),
            new Calibration.Row("WARM", 2, 1, Optional.of(0.5)),
            new Calibration.Row("COLD", 0, 0, Optional.empty())),
        calibration.tiers());
  }

  @Test
  void perRule_aLeadCountsForEveryRuleThatFiredOnIt_rulesSortedById() {
    // GIVEN the week's five leads
    // WHEN the report is worked out
    Calibration calibration = SlaReportCalculator.of(DAY, DAY, GroupBy.TEAM, week()).calibration();

    // THEN demo-request fired on H1, H2, H3 (2 SQL); free-email on H3, W2 (none SQL); vp on H1, W1
    // (both SQL): five leads, seven rule rows' worth of leads
    assertEquals(
        List.of(
            new Calibration.Row("demo-request", 3, 2, Optional.of(0.667)),
            new Calibration.Row("free-email", 2, 0, Optional.of(0.0)),
            new Calibration.Row("vp", 2, 2, Optional.of(1.0))),
        calibration.rules());
  }

  @Test
  void calibration_isTheSameWhateverTheGrouping_andAgreesWithTheTotalFunnelsSqlStage() {
    // GIVEN the week's five leads
    List<SlaFacts> leads = week();

    // WHEN the report is worked out by rep and by tier
    SlaReport byRep = SlaReportCalculator.of(DAY, DAY, GroupBy.REP, leads);
    SlaReport byTier = SlaReportCalculator.of(DAY, DAY, GroupBy.TIER, leads);

    // THEN both carry the same calibration, and its SQL leads add up to the funnel's SQL stage
    assertEquals(byRep.calibration(), byTier.calibration());
    int sql = byRep.calibration().tiers().stream().mapToInt(Calibration.Row::becameSql).sum();
    assertEquals(3, sql);
    assertEquals(sql, byRep.total().funnel().stages().get(2).leads());
  }

  @Test
  void unscoredLeads_areInANoneTierRow_andAnUnownedLeadNeverCountsAsSql() {
    // GIVEN a lead whose facts predate the tier (never scored) and a HOT lead escalated to a
    // manager who reported it SQL, and a HOT lead nobody owns yet
    SlaFacts unscored =
        received("U1", "2026-11-23T10:00Z", null, null)
            .offered("2026-11-23T10:00Z", "o1", "ana", "emea", "2026-11-23T10:30Z")
            .facts();
    SlaFacts escalated =
        received("E1", "2026-11-23T10:00Z", null, null)
            .scoredBy("2026-11-23T10:00Z", Tier.HOT, "demo-request")
            .offered("2026-11-23T10:00Z", "o1", "ana", "emea", "2026-11-23T10:30Z")
            .expired("2026-11-23T10:30Z", "o1")
            .escalated("2026-11-23T10:30Z", "mia@example.com")
            .outcome("2026-11-24T10:00Z", Outcome.SQL)
            .facts();
    SlaFacts open =
        received("O1", "2026-11-23T10:00Z", null, null)
            .scoredBy("2026-11-23T10:00Z", Tier.HOT, "demo-request")
            .offered("2026-11-23T10:00Z", "o1", "ana", "emea", "2026-11-23T10:30Z")
            .facts();

    // WHEN the report is worked out
    Calibration calibration =
        SlaReportCalculator.of(DAY, DAY, GroupBy.SOURCE, List.of(unscored, escalated, open))
            .calibration();

    // THEN HOT has 2 leads, 1 SQL (the manager's); the unscored lead is in (none); no rule fired on
    // it, so it is in no rule row
    assertEquals(
        List.of(
            new Calibration.Row("HOT", 2, 1, Optional.of(0.5)),
            new Calibration.Row("WARM", 0, 0, Optional.empty()),
            new Calibration.Row("COLD", 0, 0, Optional.empty()),
            new Calibration.Row(GroupBy.NONE, 1, 0, Optional.of(0.0))),
        calibration.tiers());
    assertEquals(
        List.of(new Calibration.Row("demo-request", 2, 1, Optional.of(0.5))), calibration.rules());
  }

  @Test
  void noLeads_listsTheThreeTiersEmpty_andNoRule() {
    // GIVEN a period without leads
    // WHEN the report is worked out
    Calibration calibration =
        SlaReportCalculator.of(DAY, DAY, GroupBy.TIER, List.of()).calibration();

    // THEN every tier is there with 0 leads and no share, and no rule row
    assertEquals(
        List.of("HOT", "WARM", "COLD"),
        calibration.tiers().stream().map(Calibration.Row::name).toList());
    calibration.tiers().forEach(row -> assertEquals(Optional.empty(), row.shareBecameSql()));
    assertEquals(List.of(), calibration.rules());
  }
}
