package com.leadhandoff.escalation;

import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who is alerted when a lead's team names no manager, and how alerts show times.
 *
 * @param fallbackManagerAddress who is alerted and owns the lead when no team manager is set up
 * @param zones team id → the zone of the team's calendar, in which the alert shows times; empty
 *     shows them in UTC
 */
public record EscalationSettings(
    String fallbackManagerAddress, Function<String, Optional<ZoneId>> zones) {}
