package com.leadhandoff.digest;

import static com.leadhandoff.digest.DigestFacts.accepted;
import static com.leadhandoff.digest.DigestFacts.breachedAndEscalated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.email.Email;
import com.leadhandoff.report.charts.WeekCompliance;
import com.leadhandoff.sla.SlaFacts;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The digest's figures for one team's week, worked out from SLA facts. */
class DigestCalculatorTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final DigestTeam INBOUND = DigestWeekTest.team("inbound-sales", BERLIN);
  private static final DigestWeek WEEK = DigestWeek.starting(LocalDate.parse("2026-11-23"), BERLIN);

  private static final List<SlaFacts> FACTS =
      List.of(
          accepted("a1", at("2026-11-23T09:00:00Z"), "inbound-sales", "ana", minutes(5)),
          accepted("a2", at("2026-11-24T10:00:00Z"), "inbound-sales", "ben", minutes(40)),
          accepted("a3", at("2026-11-25T10:00:00Z"), "inbound-sales", "ana", minutes(10)),
          breachedAndEscalated("b1", at("2026-11-26T10:00:00Z"), "inbound-sales", "chloe"),
          // Sunday 23:30 in Berlin: the week before, though it is the 22nd in UTC too
          accepted("x", at("2026-11-22T22:30:00Z"), "inbound-sales", "ana", minutes(1)),
          // Monday 00:30 in Berlin: the week after, though still Sunday the 29th in UTC
          accepted("y", at("2026-11-29T23:30:00Z"), "inbound-sales", "ana", minutes(1)),
          accepted("e", at("2026-11-24T15:00:00Z"), "enterprise", "eve", minutes(90)),
          breachedAndEscalated("old", at("2026-11-10T10:00:00Z"), "inbound-sales", "ben"));

  @Test
  void teamWeek_countsTheTeamsLeadsOfTheLocalWeekOnly_withComplianceAndPercentiles() {
    DigestContent digest = DigestCalculator.of(INBOUND, WEEK, FACTS);

    // THEN a1, a2, a3, b1: two accepted in time of four (a2 was accepted after its deadline)
    assertEquals(4, digest.row().leads());
    assertEquals(2, digest.row().acceptedWithinSla());
    assertEquals(Optional.of(0.5), digest.row().shareAcceptedWithinSla());
    // AND nearest-rank percentiles of 5, 10, 40 minutes
    assertEquals(Optional.of(600L), digest.row().p50WorkingSecondsToAccept());
    assertEquals(Optional.of(2_400L), digest.row().p90WorkingSecondsToAccept());
    assertEquals(1, digest.row().breaches());
    assertEquals(1, digest.row().escalations());
  }

  @Test
  void slowestResponses_areTheTeamsAcceptances_slowestFirst_withWhetherInTime() {
    DigestContent digest = DigestCalculator.of(INBOUND, WEEK, FACTS);

    assertEquals(
        List.of("a2", "a3", "a1"), digest.slowest().stream().map(s -> s.leadId()).toList());
    DigestContent.SlowResponse slowest = digest.slowest().get(0);
    assertEquals("ben", slowest.repId());
    assertEquals(minutes(40), slowest.workingTime());
    assertEquals(false, slowest.withinSla());
    assertEquals(Map.of("chloe", 1), digest.breachesByRep());
  }

  @Test
  void funnel_countsTheTeamsAcceptedLeads_notTheManagersEscalation() {
    DigestContent digest = DigestCalculator.of(INBOUND, WEEK, FACTS);

    assertEquals(4, digest.row().funnel().stages().get(0).leads());
    assertEquals(3, digest.row().funnel().stages().get(1).leads());
    assertEquals(Optional.of(0.75), digest.row().funnel().stages().get(1).conversion());
  }

  @Test
  void trend_isTheLastFourLocalWeeks_aWeekWithoutLeadsHavingNoShare() {
    DigestContent digest = DigestCalculator.of(INBOUND, WEEK, FACTS);

    assertEquals(
        List.of(
            new WeekCompliance("2 Nov", Optional.empty()),
            new WeekCompliance("9 Nov", Optional.of(0.0)),
            new WeekCompliance("16 Nov", Optional.of(1.0)),
            new WeekCompliance("23 Nov", Optional.of(0.5))),
        digest.trend());
  }

  @Test
  void aTeamWithoutLeads_getsAnEmptyWeek_notAnError() {
    DigestContent digest = DigestCalculator.of(DigestWeekTest.team("quiet", BERLIN), WEEK, FACTS);

    assertEquals(0, digest.row().leads());
    assertEquals(Optional.empty(), digest.row().shareAcceptedWithinSla());
    assertEquals(List.of(), digest.slowest());
    assertTrue(
        DigestEmail.of(digest).text().contains("No lead was offered to the team that week."));
  }

  @Test
  void email_hasTheFiguresInTextAndHtml_andTheChartInline() throws Exception {
    Email email = DigestEmail.of(DigestCalculator.of(INBOUND, WEEK, FACTS));

    assertEquals("inbound-sales-manager@example.com", email.to());
    assertEquals(
        "Weekly lead digest, inbound-sales: 50 % accepted within SLA (Mon 23 Nov 2026 - Sun 29"
            + " Nov 2026)",
        email.subject());
    for (String expected :
        List.of(
            "Accepted within SLA:         2 (50 %)",
            "Time to accept, median:      10 min",
            "Time to accept, 90th pct:    40 min",
            "40 min working (40 min wall), lead a2, rep ben, late",
            "chloe: 1",
            "ACCEPTED: 3 (75 % of the stage before)",
            "week of 16 Nov: 100 %")) {
      assertTrue(email.text().contains(expected), expected + "\n" + email.text());
    }
    assertTrue(email.html().contains("name=\"viewport\""), "a phone renders it at its width");
    assertTrue(email.html().contains("src=\"cid:" + DigestEmail.CHART_ID + "\""));
    assertEquals(1, email.images().size());
    assertEquals(DigestEmail.CHART_ID, email.images().get(0).contentId());
    BufferedImage chart = ImageIO.read(new ByteArrayInputStream(email.images().get(0).data()));
    assertEquals(560, chart.getWidth());
  }

  @Test
  void words_readsSpansAsAPersonWould() {
    assertEquals("45 s", DigestEmail.words(Duration.ofSeconds(45)));
    assertEquals("12 min", DigestEmail.words(minutes(12)));
    assertEquals("2 h 05 min", DigestEmail.words(minutes(125)));
    assertEquals("1 d 3 h", DigestEmail.words(Duration.ofHours(27)));
  }

  private static Instant at(String text) {
    return Instant.parse(text);
  }

  private static Duration minutes(long m) {
    return Duration.ofMinutes(m);
  }
}
