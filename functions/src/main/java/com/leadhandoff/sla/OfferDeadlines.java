package com.leadhandoff.sla;

import com.leadhandoff.scoring.Score;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** Works out the deadline of an offer made now: the response-time SLA. */
public interface OfferDeadlines {
  /**
   * The deadline of an offer made at {@code now}.
   *
   * @param tier the lead's tier from its stored score; empty when it has no score
   * @param teamId the team the rep is in, whose calendar counts the time
   */
  Deadline deadline(Optional<Score.Tier> tier, String teamId, Instant now);

  /**
   * The same window for every lead, around the clock: what runs when no SLA policy ships.
   *
   * @param window how long a rep has to answer, at least a second
   */
  static OfferDeadlines fixed(Duration window) {
    if (window.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "An offer must last at least a second, was "
              + window
              + "; set OFFER_MINUTES to 1 or more");
    }
    long minutes = window.toMinutes();
    String written =
        window.toSeconds() % 60 != 0
            ? window.toSeconds() + " seconds"
            : minutes + (minutes == 1 ? " minute" : " minutes");
    return (tier, teamId, now) ->
        new Deadline(
            now.plus(window),
            written,
            ZoneId.of("UTC"),
            written + " around the clock (OFFER_MINUTES; no SLA policy file)");
  }
}
