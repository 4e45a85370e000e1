package com.leadhandoff.intake;

import com.leadhandoff.history.Change;
import com.leadhandoff.history.LeadHistory;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Claims on {@link IntakeKey}s: the race-free record of which lead a submission became. Every write
 * is conditional, so two identical requests at the same moment agree on one lead.
 */
public interface IntakeKeys {

  /**
   * Who holds a key.
   *
   * @param leadId the lead the key stands for
   * @param started whether that lead is known to be stored and its workflow started: set only by
   *     earlier versions of intake, which marked each key once its execution ran; a key claimed now
   *     is claimed with its lead in one write, and a repeat starts the workflow again
   *     (idempotently)
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
   * {@link #claim(String, String, Optional, Instant, Instant)} as a change that the new lead and
   * its first entry are written with ({@link LeadHistory#recordWith}), so that a key is never held
   * by a lead that was not stored: refused, with nothing written, when another lead holds the key.
   *
   * @param holder told the lead holding the key when the claim is refused, if the store learnt it
   *     from the refusal itself (else the caller claims the key again to learn it)
   */
  default Change claiming(
      String key,
      String leadId,
      Optional<String> requestHash,
      Instant expiresAt,
      Instant now,
      Consumer<Holder> holder) {
    return () -> {
      Holder found = claim(key, leadId, requestHash, expiresAt, now);
      if (found.leadId().equals(leadId)) {
        return true;
      }
      holder.accept(found);
      return false;
    };
  }

  /**
   * Makes {@code key} stand for the lead (and started state) of {@code to}, only if it still points
   * at lead {@code from}.
   */
  void repoint(String key, String from, Holder to);
}
