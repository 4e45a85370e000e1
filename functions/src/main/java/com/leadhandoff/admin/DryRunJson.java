package com.leadhandoff.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.leadhandoff.routing.DryRunLeads;
import com.leadhandoff.routing.DryRunReport;
import com.leadhandoff.scoring.Score;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A dry run's report as the API answers it.
 *
 * @param rules which rules file was tried
 * @param leads per lead: who would get it and why
 * @param perTeam team id → leads it would get
 * @param perRep rep id → leads the rep would be offered, every active rep listed
 * @param leftOut for stored leads, which were not replayed and why; null (and left out of the JSON)
 *     for leads given in the request
 */
record DryRunJson(
    String rules,
    List<Map<String, Object>> leads,
    Map<String, Integer> perTeam,
    Map<String, Integer> perRep,
    @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> leftOut) {

  static DryRunJson of(DryRunReport report, String rules) {
    return new DryRunJson(
        rules,
        report.leads().stream().map(DryRunJson::lead).toList(),
        report.perTeam(),
        report.perRep(),
        null);
  }

  /** This report of stored leads, saying which were left out. */
  DryRunJson leavingOut(DryRunLeads.Replay replay) {
    Map<String, Object> note = new LinkedHashMap<>();
    note.put("merged", replay.merged());
    note.put("why", replay.leftOut());
    return new DryRunJson(rules, leads, perTeam, perRep, note);
  }

  private static Map<String, Object> lead(DryRunReport.LeadResult lead) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("number", lead.number());
    row.put("lead", lead.label());
    DryRunReport.Outcome outcome = lead.outcome();
    if (outcome instanceof DryRunReport.Refused) {
      row.put("outcome", "refused");
    } else if (outcome instanceof DryRunReport.Nurtured nurtured) {
      row.put("outcome", "nurtured");
      score(row, nurtured.score());
    } else if (outcome instanceof DryRunReport.Routed routed) {
      row.put("outcome", "routed");
      score(row, routed.score());
      row.put("rule", DryRunReport.ruleId(routed.decision()));
      row.put("team", routed.team().teamId());
      row.put("rep", routed.rep().repId());
      if (routed.ownership().isPresent()) {
        // Offered first as the owner of the lead's account: no round-robin turn is taken.
        row.put("ownership", routed.ownership().get());
      } else {
        row.put("turn", routed.turn());
      }
    } else {
      DryRunReport.NoRep none = (DryRunReport.NoRep) outcome;
      row.put("outcome", "nobody");
      score(row, none.score());
      row.put("rule", DryRunReport.ruleId(none.decision()));
      row.put("team", none.decision().teamId());
    }
    row.put("why", DryRunReport.why(outcome));
    return row;
  }

  private static void score(Map<String, Object> row, Score score) {
    row.put("score", score.points());
    row.put("tier", score.tier().name().toLowerCase(Locale.ROOT));
  }
}
