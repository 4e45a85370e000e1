package com.leadhandoff.lead;

/**
 * Who owns a lead. Exactly one owner per lead, set once by a conditional write.
 *
 * @param id the rep id, or the manager's email address for a manager
 */
public record Owner(String id, String name, String email, Role role) {
  /** Whether the owner is a rep who accepted or a manager the lead was escalated to. */
  public enum Role {
    REP,
    MANAGER
  }
}
