package com.leadhandoff.routing;

import java.time.ZoneId;
import java.util.Optional;

/**
 * A sales rep who can be offered leads.
 *
 * @param active false while the rep takes no new leads
 * @param timeZone where the rep works; offer deadlines are shown to them in it (their team's
 *     calendar zone when empty)
 */
public record Rep(
    String repId,
    String name,
    String email,
    String teamId,
    boolean active,
    Optional<ZoneId> timeZone) {

  public Rep {
    // Items stored before reps had a zone read back without one.
    timeZone = timeZone == null ? Optional.empty() : timeZone;
  }

  /** A rep without a time zone of their own. */
  public Rep(String repId, String name, String email, String teamId, boolean active) {
    this(repId, name, email, teamId, active, Optional.empty());
  }
}
