package com.leadhandoff.followup;

/**
 * Follow-up was asked for a lead no rep owns. The workflow parks such a lead rather than emailing
 * the prospect about a rep who never accepted it.
 */
public final class LeadNotAccepted extends RuntimeException {
  public LeadNotAccepted(String message) {
    super(message);
  }
}
