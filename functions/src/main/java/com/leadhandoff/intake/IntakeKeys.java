package com.leadhandoff.intake;

import java.time.Instant;
import java.util.Optional;

/**
 * Claims on {@link IntakeKey}s: the race-free record of which lead a submission became. Every write
 * is conditional, so two identical requests at the same moment agree on one lead.
 */
public interface IntakeKeys {

  /**
   * Who holds a key.
   *
   * @param leadId the lead the key stands for
   * @param started whether that lead is known to be stored and its workflow started
   * @param requestHash the hash of the request that made the claim, if it was made with one
   */
  record Holder(String leadId, boolean started, Optional<String> requestHash) {
    /** A holder whose claim carries no request hash. */
    public Holder(String leadId, boolean started) {
      this(leadId, started, Optional.empty());
    }
  }

  /**
   * Claims {@code key} for {@code leadId} until {@code expiresAt}, unless a claim that has not
   * expired by {@code now} exists.
   *
   * @param requestHash stored with a new claim, so a later request under the same key can tell
   *     whether it is the same request (see {@link IntakeKey#requestHash})
   * @return the holder after the call: {@code leadId} if the claim was made (or already was for
   *     this lead), otherwise the lead that holds it, with the hash it was claimed with
   */
  Holder claim(
      String key, String leadId, Optional<String> requestHash, Instant expiresAt, Instant now);

  /** {@link #claim(String, String, Optional, Instant, Instant)} without a request hash. */
  default Holder claim(String key, String leadId, Instant expiresAt, Instant now) {
    return claim(key, leadId, Optional.empty(), expiresAt, now);
  }

  /**
   * Makes {@code key} stand for the lead (and started state) of {@code to}, only if it still points
   * at lead {@code from}.
   */
  void repoint(String key, String from, Holder to);

  /** Notes that {@code leadId} is stored and started, only if {@code key} still points at it. */
  void markStarted(String key, String leadId);
}
