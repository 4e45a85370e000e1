package com.leadhandoff.digest;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Who sends a team's digest of a week: a claim taken with a conditional write, so two invocations
 * at once (Scheduler delivers at least once) or a retry after a success never send it twice.
 */
public interface DigestClaims {
  /**
   * Takes the claim on {@code teamId}'s digest of the week starting {@code monday}.
   *
   * @param now when, by the function's clock; a claim left unfinished for longer than a Lambda
   *     invocation can last (its sender died) may be taken again
   * @return false when the digest was sent, or another invocation is sending it
   */
  boolean claim(String teamId, LocalDate monday, Instant now);

  /** Records that the claimed digest went out; it is never sent again. */
  void sent(String teamId, LocalDate monday, Instant now);

  /** Gives up a claim whose digest could not be sent, so a later invocation can send it. */
  void release(String teamId, LocalDate monday);
}
