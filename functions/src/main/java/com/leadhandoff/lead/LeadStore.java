package com.leadhandoff.lead;

import com.leadhandoff.scoring.Score;
import java.util.Optional;

/** Where leads are kept. */
public interface LeadStore {
  /** The lead with this id, if stored. */
  Optional<Lead> find(String leadId);

  /**
   * Stores a new lead.
   *
   * @return false when a lead with that id already exists (nothing is changed then)
   */
  boolean create(Lead lead);

  /** Records the lead's score and the status it leads to. */
  void saveScore(String leadId, Score score, LeadStatus status);

  /** Moves the lead to {@code status} without touching its owner. */
  void setStatus(String leadId, LeadStatus status);

  /**
   * Makes {@code owner} the lead's owner if it has none yet; the single point that enforces one
   * owner per lead, also when an accept races a timeout or an escalation.
   *
   * @return true if {@code owner} is now the owner, false if somebody else already was
   */
  boolean claimOwner(String leadId, Owner owner, LeadStatus status);
}
