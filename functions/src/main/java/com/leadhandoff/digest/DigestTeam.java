package com.leadhandoff.digest;

import java.time.ZoneId;

/**
 * A team whose manager gets the weekly digest.
 *
 * @param teamId the team's id, as on its reps' offers
 * @param name the team's name, e.g. {@code Inbound Sales}
 * @param managerName who reads the digest
 * @param managerEmail where it goes
 * @param zone the zone of the team's calendar: "Monday 08:00" and the week's days are read in it
 */
public record DigestTeam(
    String teamId, String name, String managerName, String managerEmail, ZoneId zone) {}
