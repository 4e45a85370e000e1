package com.leadhandoff.followup;

import com.leadhandoff.routing.RuleCondition;
import java.util.List;
import java.util.Optional;

/**
 * One entry of {@code config/follow-ups.yaml}: the leads it matches get its template and campaign.
 *
 * @param id unique in the file; named in the lead's history
 * @param when every condition must hold; empty only for the file's {@code default}, which takes
 *     every lead
 * @param template the email template of the prospect's introduction to the accepting rep, one of
 *     {@link FollowUps#TEMPLATES}
 * @param campaign what the lead responded to; empty for a plain introduction
 */
public record FollowUpRule(
    String id, List<RuleCondition> when, String template, Optional<Campaign> campaign) {
  public FollowUpRule {
    when = List.copyOf(when);
  }
}
