package com.leadhandoff.digest;

import com.leadhandoff.report.GroupRow;
import com.leadhandoff.report.charts.WeekCompliance;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one manager's digest says about their team's week.
 *
 * @param team the team
 * @param week the week reported on
 * @param row the team's row of the SLA report for the week: leads, compliance, p50/p90, breaches,
 *     escalations, declines and the funnel, worked out by the report's own calculator
 * @param slowest the team's slowest acceptances of the week, slowest first, at most {@link
 *     DigestCalculator#SLOWEST}
 * @param breachesByRep offers the team's reps let pass their deadline, by rep id, most first
 * @param trend the team's compliance in the weeks up to and including this one, oldest first
 */
public record DigestContent(
    DigestTeam team,
    DigestWeek week,
    GroupRow row,
    List<SlowResponse> slowest,
    Map<String, Integer> breachesByRep,
    List<WeekCompliance> trend) {

  /**
   * One acceptance.
   *
   * @param leadId the lead
   * @param repId the rep of the team who accepted it
   * @param workingTime from receipt to acceptance in the team's working time
   * @param wallTime the same around the clock
   * @param withinSla whether it was accepted within the SLA
   */
  public record SlowResponse(
      String leadId, String repId, Duration workingTime, Duration wallTime, boolean withinSla) {}
}
