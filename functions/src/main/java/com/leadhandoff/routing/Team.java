package com.leadhandoff.routing;

/**
 * A team of reps and the manager leads escalate to.
 *
 * @param isDefault whether leads no rule sends elsewhere go to this team
 */
public record Team(
    String teamId, String name, String managerName, String managerEmail, boolean isDefault) {}
