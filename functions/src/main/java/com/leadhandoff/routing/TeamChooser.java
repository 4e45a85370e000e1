package com.leadhandoff.routing;

import com.leadhandoff.lead.Lead;

/**
 * Decides which team a lead goes to. Today every lead goes to the default team; routing rules
 * (territory, company size, product interest) plug in here without touching the round robin.
 */
public interface TeamChooser {
  /** The team for this lead; fails with a message that says what to fix if there is none. */
  Team teamFor(Lead lead);
}
