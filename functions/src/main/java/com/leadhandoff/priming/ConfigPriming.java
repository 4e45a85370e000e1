package com.leadhandoff.priming;

import com.leadhandoff.followup.FollowUps;
import com.leadhandoff.ownership.Accounts;
import com.leadhandoff.routing.DirectoryConfig;
import com.leadhandoff.routing.RoutingRules;
import com.leadhandoff.routing.Team;
import com.leadhandoff.scoring.ScoringModels;
import com.leadhandoff.sla.SlaPolicies;
import java.util.stream.Collectors;

/**
 * Reads every config file the jar ships, through the loaders the functions use (most keep what they
 * read), so their readers and the snapshots' JSON are loaded before the checkpoint.
 */
final class ConfigPriming {
  private ConfigPriming() {}

  static void loadBundled() {
    DirectoryConfig directory = DirectoryConfig.bundled();
    ScoringModels.bundled();
    RoutingRules.bundled(directory);
    SlaPolicies.bundled(
        directory.teams().stream().map(Team::teamId).collect(Collectors.toUnmodifiableSet()));
    FollowUps.bundled();
    Accounts.bundled();
  }
}
