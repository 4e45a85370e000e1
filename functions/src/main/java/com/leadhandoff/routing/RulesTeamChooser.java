package com.leadhandoff.routing;

import com.leadhandoff.lead.Lead;

/**
 * Sends each lead to the team the routing rules name: the first rule that matches, else the
 * fallback team. The team is looked up in the stored directory, which revenue ops may have edited
 * since the rules were checked against {@code config/directory.yaml}.
 */
public final class RulesTeamChooser implements TeamChooser {
  private final RoutingRules rules;
  private final Directory directory;

  public RulesTeamChooser(RoutingRules rules, Directory directory) {
    this.rules = rules;
    this.directory = directory;
  }

  @Override
  public TeamChoice teamFor(Lead lead) {
    RoutingRules.Decision decision = rules.decide(lead);
    Team team =
        directory
            .team(decision.teamId())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Routing lead "
                            + lead.leadId()
                            + " by "
                            + decision.why()
                            + " names team '"
                            + decision.teamId()
                            + "', which is not in the teams table: add it to "
                            + DirectoryConfig.RESOURCE
                            + " and deploy (the seed adds missing teams), or change "
                            + RoutingRules.BUNDLED));
    return new TeamChoice(team, decision.rule().map(RoutingRule::id), decision.why());
  }
}
