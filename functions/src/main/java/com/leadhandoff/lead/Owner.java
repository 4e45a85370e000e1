package com.leadhandoff.lead;

/**
 * Who owns a lead. Exactly one owner per lead, set once by a conditional write.
 *
 * @param id the rep id, or the manager's or queue's email address
 */
public record Owner(String id, String name, String email, Role role) {
  /**
   * Whether the owner is a rep who accepted, a manager the lead was escalated to, or the fallback
   * queue of a lead no rep could be offered.
   */
  public enum Role {
    REP,
    MANAGER,
    QUEUE
  }
}
