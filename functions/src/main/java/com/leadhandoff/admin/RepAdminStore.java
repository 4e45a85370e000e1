package com.leadhandoff.admin;

import com.leadhandoff.routing.OutOfOffice;
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

  /**
   * Sets only the rep's {@code paused} flag and records {@code change} with it, both or neither.
   *
   * @return the rep as stored after, or empty (and nothing written) when no rep has this id
   */
  Optional<Rep> setPaused(String repId, boolean paused, RepChange change);

  /**
   * Replaces only the rep's out-of-office dates and records {@code change} with them, both or
   * neither.
   *
   * @return the rep as stored after, or empty (and nothing written) when no rep has this id
   */
  Optional<Rep> setOutOfOffice(String repId, List<OutOfOffice> away, RepChange change);

  /** The rep's changes, oldest first. */
  List<RepChange> changes(String repId);
}
