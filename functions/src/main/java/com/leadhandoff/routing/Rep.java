package com.leadhandoff.routing;

/**
 * A sales rep who can be offered leads.
 *
 * @param active false while the rep takes no new leads
 */
public record Rep(String repId, String name, String email, String teamId, boolean active) {}
