package com.leadhandoff.unsubscribe;

import com.leadhandoff.history.Change;
import java.time.Instant;
import java.util.Optional;

/**
 * Unsubscribe links and the addresses that used one. A link is kept only as the SHA-256 of its
 * token, like an offer link, so the table cannot be turned back into working links.
 */
public interface Unsubscribes {
  /** Whom an unsubscribe link was sent to. */
  record Link(String email, String leadId) {}

  /** Stores the link whose token hashes to {@code tokenHash}, sent to {@code email}. */
  void issue(String tokenHash, Link link, Instant at);

  /**
   * {@link #issue} as a change to make later, for a caller that stores it in one request with more
   * (the email's claim).
   */
  default Change issuing(String tokenHash, Link link, Instant at) {
    return () -> {
      issue(tokenHash, link, at);
      return true;
    };
  }

  /** The link whose token hashes to {@code tokenHash}. */
  Optional<Link> find(String tokenHash);

  /**
   * Marks {@code email} unsubscribed; doing it again changes nothing.
   *
   * @return true the first time, false when it already was
   */
  boolean unsubscribe(String email, String leadId, Instant at);

  /** Whether {@code email} (any letter case) unsubscribed. */
  boolean isUnsubscribed(String email);
}
