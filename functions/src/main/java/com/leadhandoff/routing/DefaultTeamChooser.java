package com.leadhandoff.routing;

import com.leadhandoff.lead.Lead;
import java.util.Optional;

/** Sends every lead to the directory's default team: routing when the jar has no routing rules. */
public final class DefaultTeamChooser implements TeamChooser {
  private final Directory directory;

  public DefaultTeamChooser(Directory directory) {
    this.directory = directory;
  }

  @Override
  public TeamChoice teamFor(Lead lead) {
    return directory
        .defaultTeam()
        .map(team -> new TeamChoice(team, Optional.empty(), "default team"))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No default team in the directory to route lead "
                        + lead.leadId()
                        + " to: mark one team `default: true` in "
                        + DirectoryConfig.RESOURCE
                        + " and deploy, or set isDefault on a team in the teams table"));
  }
}
