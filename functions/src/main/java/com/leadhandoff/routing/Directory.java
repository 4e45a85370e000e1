package com.leadhandoff.routing;

import java.util.List;
import java.util.Optional;

/** Teams and reps, as stored (seeded from {@code config/directory.yaml}). */
public interface Directory {
  /** The team with this id. */
  Optional<Team> team(String teamId);

  /** The team leads go to when nothing sends them elsewhere. */
  Optional<Team> defaultTeam();

  /** One rep. */
  Optional<Rep> rep(String repId);

  /** The team's active reps, in a stable order (by rep id). */
  List<Rep> activeReps(String teamId);

  /**
   * The team's active reps as routing reads them: as they are stored now, with the turns credited
   * back to them when the store can read both at once.
   *
   * @param team the team as {@link #team} or {@link #defaultTeam} returned it, whose {@link
   *     Team#members} (when listed) name the reps to read
   */
  default Roster roster(Team team) {
    return new Roster(activeReps(team.teamId()), Optional.empty());
  }

  /**
   * Takes the team's next round-robin turn with an atomic counter: concurrent callers always get
   * different numbers, so no turn is handed out twice.
   */
  long nextTurn(String teamId);
}
