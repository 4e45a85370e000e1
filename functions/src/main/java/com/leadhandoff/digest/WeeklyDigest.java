package com.leadhandoff.digest;

import com.leadhandoff.email.Mailer;
import com.leadhandoff.sla.SlaFacts;
import com.leadhandoff.sla.SlaFactsStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sends each team's weekly digest when it is due (see {@link DigestWeek#dueAt}), once: the team and
 * week are claimed before the email goes, released if it fails so the next run retries. Reads the
 * SLA facts one day (UTC) at a time, each day at most once per run, never the leads.
 */
public final class WeeklyDigest {
  /**
   * What one run did.
   *
   * @param sent the teams whose manager got their digest
   * @param alreadySent the teams due whose digest another run sent or is sending
   * @param failed the teams whose digest could not be sent, with why; retried by the next run
   * @param daysRead UTC days of SLA facts read
   */
  public record Run(
      List<String> sent, List<String> alreadySent, List<String> failed, int daysRead) {}

  private final Supplier<List<DigestTeam>> teams;
  private final SlaFactsStore facts;
  private final DigestClaims claims;
  private final Mailer mailer;
  private final Clock clock;

  /**
   * @param teams the teams, looked up at each run (a manager may change between weeks)
   * @param facts the SLA facts, by the UTC day each lead was received
   * @param claims who sends which team's week
   * @param mailer sends the digests
   * @param clock tells the run what time it is
   */
  public WeeklyDigest(
      Supplier<List<DigestTeam>> teams,
      SlaFactsStore facts,
      DigestClaims claims,
      Mailer mailer,
      Clock clock) {
    this.teams = teams;
    this.facts = facts;
    this.claims = claims;
    this.mailer = mailer;
    this.clock = clock;
  }

  /** Sends every digest due now that nobody sent yet. */
  public Run run() {
    Instant now = clock.instant();
    List<String> sent = new ArrayList<>();
    List<String> already = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    Map<LocalDate, List<SlaFacts>> days = new HashMap<>();
    for (DueDigests.Due due : DueDigests.at(now, teams.get())) {
      String teamId = due.team().teamId();
      DigestWeek week = due.week();
      if (!claims.claim(teamId, week.monday(), now)) {
        already.add(teamId);
        continue;
      }
      try {
        DigestContent content =
            DigestCalculator.of(due.team(), week, trendFacts(due.team(), week, days));
        mailer.send(DigestEmail.of(content));
      } catch (RuntimeException e) {
        claims.release(teamId, week.monday());
        failed.add(teamId + ": " + e.getMessage());
        continue;
      }
      claims.sent(teamId, week.monday(), now);
      sent.add(teamId);
    }
    return new Run(sent, already, failed, days.size());
  }

  /** The facts of every UTC day that overlaps the chart's weeks, each day read once per run. */
  private List<SlaFacts> trendFacts(
      DigestTeam team, DigestWeek week, Map<LocalDate, List<SlaFacts>> days) {
    Instant from = week.lastWeeks(DigestCalculator.TREND_WEEKS, team.zone()).get(0).from();
    LocalDate first = from.atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate last = week.to().minusNanos(1).atZone(ZoneOffset.UTC).toLocalDate();
    List<SlaFacts> out = new ArrayList<>();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      out.addAll(days.computeIfAbsent(day, facts::receivedOn));
    }
    return out;
  }
}
