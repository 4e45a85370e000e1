package com.leadhandoff.routing;

import java.util.Optional;

/**
 * The team a lead goes to and why, for the route's reason and the lead's history.
 *
 * @param ruleId the routing rule that sent the lead there, if a rule did
 * @param why e.g. {@code rule enterprise-size: companySize 1200 in 1000+} or {@code default team}
 */
public record TeamChoice(Team team, Optional<String> ruleId, String why) {}
