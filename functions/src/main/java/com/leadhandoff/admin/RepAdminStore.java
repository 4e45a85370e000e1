package com.leadhandoff.admin;

import com.leadhandoff.routing.Rep;
import com.leadhandoff.routing.Team;
import java.util.List;
import java.util.Optional;

/** The stored teams and reps as the admin API changes them, with each rep's change log. */
public interface RepAdminStore {
  /** Every team, by id. */
  List<Team> teams();

  /** Every rep of the team, active or not, by rep id. */
  List<Rep> reps(String teamId);

  /** One rep. */
  Optional<Rep> rep(String repId);

  /** Creates or replaces {@code rep} and records {@code change} with it, both or neither. */
  void save(Rep rep, RepChange change);

  /** The rep's changes, oldest first. */
  List<RepChange> changes(String repId);
}
