package com.leadhandoff.digest;

import com.leadhandoff.routing.Directory;
import com.leadhandoff.routing.DirectoryConfig;
import com.leadhandoff.routing.Team;
import com.leadhandoff.sla.SlaPolicy;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The teams that get a digest: those of the directory file, each in its calendar's zone. */
public final class DigestTeams {
  private DigestTeams() {}

  /**
   * Every team of {@code config} that has a manager's address, with the manager as stored in {@code
   * directory} when it is there (seeded, perhaps edited since) and as the file says otherwise.
   *
   * @param policy the SLA policy, whose calendars give each team's zone; a team without a calendar
   *     (or an install without a policy) is in UTC, as its SLA is
   */
  public static List<DigestTeam> of(
      DirectoryConfig config, Directory directory, Optional<SlaPolicy> policy) {
    return config.teams().stream()
        .map(t -> directory.team(t.teamId()).orElse(t))
        .filter(t -> t.managerEmail() != null && !t.managerEmail().isBlank())
        .map(t -> team(t, policy.flatMap(p -> p.zone(t.teamId())).orElse(ZoneOffset.UTC)))
        .toList();
  }

  private static DigestTeam team(Team t, ZoneId zone) {
    return new DigestTeam(t.teamId(), t.name(), t.managerName(), t.managerEmail(), zone);
  }
}
