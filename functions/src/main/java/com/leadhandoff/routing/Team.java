package com.leadhandoff.routing;

import java.util.Optional;
import java.util.Set;

/**
 * A team of reps and the manager leads escalate to.
 *
 * @param isDefault whether leads no rule sends elsewhere go to this team
 * @param members the ids of the team's reps as the stored team lists them, so routing can read the
 *     reps by key: every rep whose item names this team, active or not, and perhaps one who has
 *     just left it (a rep's own item says which team it is in). Empty when the list is unknown: a
 *     team of the directory file, or one stored before teams listed their reps and not seeded
 *     since.
 */
public record Team(
    String teamId,
    String name,
    String managerName,
    String managerEmail,
    boolean isDefault,
    Optional<Set<String>> members) {

  public Team {
    // Items stored before teams listed their reps read back without the list.
    members = members == null ? Optional.empty() : members.map(Set::copyOf);
  }

  /** A team whose reps are not listed. */
  public Team(
      String teamId, String name, String managerName, String managerEmail, boolean isDefault) {
    this(teamId, name, managerName, managerEmail, isDefault, Optional.empty());
  }
}
