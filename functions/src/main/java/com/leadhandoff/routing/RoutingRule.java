package com.leadhandoff.routing;

import com.leadhandoff.lead.Lead;
import java.util.List;
import java.util.Optional;

/**
 * One rule of the routing rules file.
 *
 * @param id unique in the file; named in the lead's history
 * @param description why these leads go to this team
 * @param teamId the team that gets the leads the rule matches
 * @param when every condition must hold; there is at least one
 */
public record RoutingRule(String id, String description, String teamId, List<RuleCondition> when) {
  public RoutingRule {
    when = List.copyOf(when);
  }

  /** What made every condition hold, one entry per condition; empty if any does not. */
  public Optional<List<String>> match(Lead lead) {
    return RuleCondition.matchAll(when, lead);
  }
}
