package com.leadhandoff.escalation;

import java.time.ZoneId;
import java.util.Optional;

/**
 * Who an escalated lead goes to.
 *
 * @param team the team whose manager this is; empty when no team could be found
 * @param fallback true when no team manager was set up and the install's fallback address is used
 * @param zone the zone of the team's calendar, in which the alert shows times; UTC without one
 */
record Manager(String name, String email, Optional<String> team, boolean fallback, ZoneId zone) {}
