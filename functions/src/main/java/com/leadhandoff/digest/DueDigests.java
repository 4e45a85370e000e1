package com.leadhandoff.digest;

import java.time.Instant;
import java.util.List;

/**
 * Which teams' digests are due at an instant: the ones whose local time is Monday 08:00 or later
 * that Monday.
 */
public final class DueDigests {
  private DueDigests() {}

  /** A team and the week its manager should now get the digest of. */
  public record Due(DigestTeam team, DigestWeek week) {}

  /** The teams among {@code teams} whose digest is due at {@code now}, in their order. */
  public static List<Due> at(Instant now, List<DigestTeam> teams) {
    return teams.stream()
        .flatMap(t -> DigestWeek.dueAt(now, t.zone()).map(w -> new Due(t, w)).stream())
        .toList();
  }
}
