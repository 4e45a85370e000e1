package com.leadhandoff.report;

import java.util.Map;
import java.util.Optional;

/**
 * One row of the SLA report.
 *
 * @param group the rep id, team id, source, campaign or tier; {@code all} for the total row
 * @param leads leads of the row
 * @param acceptedWithinSla leads accepted in time: by a rep of the row, answering by its own
 *     offer's deadline (rep and team rows); by a rep, with no offer of the lead breached (others)
 * @param shareAcceptedWithinSla {@code acceptedWithinSla / leads}, to three decimals; empty for a
 *     row without leads
 * @param p50WorkingSecondsToAccept median time from receipt to acceptance in working seconds,
 *     nearest rank, over the row's accepted leads; empty when none was accepted
 * @param p90WorkingSecondsToAccept the same at the 90th percentile
 * @param breaches offers left unanswered past their deadline (by the row's reps, for rep and team)
 * @param escalations leads that went to a manager
 * @param declinesByReason declined offers by the reason the rep chose
 * @param funnel MQL → accepted → SQL → meeting → won for the row's leads
 */
public record GroupRow(
    String group,
    int leads,
    int acceptedWithinSla,
    Optional<Double> shareAcceptedWithinSla,
    Optional<Long> p50WorkingSecondsToAccept,
    Optional<Long> p90WorkingSecondsToAccept,
    int breaches,
    int escalations,
    Map<String, Integer> declinesByReason,
    Funnel funnel) {}
