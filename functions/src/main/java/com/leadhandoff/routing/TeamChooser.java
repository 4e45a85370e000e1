package com.leadhandoff.routing;

import com.leadhandoff.lead.Lead;

/**
 * Decides which team a lead goes to: the routing rules when the functions ship with them, else the
 * default team. The round robin within the team is not its business.
 */
public interface TeamChooser {
  /**
   * The team for this lead and why; fails with a message that says what to fix if there is none.
   */
  TeamChoice teamFor(Lead lead);
}
