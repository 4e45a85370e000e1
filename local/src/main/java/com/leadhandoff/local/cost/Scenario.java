package com.leadhandoff.local.cost;

/** A lead's way through the product that the cost model prices. */
enum Scenario {
  /** The first rep offered the lead accepts it within the SLA, before any reminder. */
  ACCEPTED_BY_FIRST_REP("accepted by its first rep"),
  /** Nobody answers: every eligible rep is offered it and reminded, then the manager gets it. */
  ESCALATED("escalated after every offer timed out");

  final String description;

  Scenario(String description) {
    this.description = description;
  }
}
