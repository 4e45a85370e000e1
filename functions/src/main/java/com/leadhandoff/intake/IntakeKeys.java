package com.leadhandoff.intake;

import java.time.Instant;

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
   */
  record Holder(String leadId, boolean started) {}

  /**
   * Claims {@code key} for {@code leadId} until {@code expiresAt}, unless a claim that has not
   * expired by {@code now} exists.
   *
   * @return the holder after the call: {@code leadId} if the claim was made (or already was for
   *     this lead), otherwise the lead that holds it
   */
  Holder claim(String key, String leadId, Instant expiresAt, Instant now);

  /**
   * Makes {@code key} stand for the lead (and started state) of {@code to}, only if it still points
   * at lead {@code from}.
   */
  void repoint(String key, String from, Holder to);

  /** Notes that {@code leadId} is stored and started, only if {@code key} still points at it. */
  void markStarted(String key, String leadId);
}
