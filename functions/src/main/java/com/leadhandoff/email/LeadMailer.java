package com.leadhandoff.email;

import com.leadhandoff.history.LeadHistory;
import java.util.Optional;

/**
 * Sends each of a lead's emails at most once, however often the step that sends it runs.
 *
 * <p>A step is run again after a crash (the local runtime resumes an execution by invoking the task
 * that was in flight; Lambda retries a function that timed out). A step that sent and then recorded
 * would send twice when it died between the two. So the email is first claimed in the lead's
 * history ({@link LeadHistory#claim}; with what the email needs stored, such as its unsubscribe
 * link's record, in one write: {@link LeadHistory#claimWith}), then sent; a provider error gives
 * the claim up so a retry sends after all. A step that finds the claim taken but its own history
 * entry missing died between claiming and recording: the email may or may not have gone, and it is
 * not sent again — a second offer or introduction confuses the rep and the prospect more than a
 * missing one, which the history entry then says (see {@link Delivery#note()}) and the offer's
 * deadline covers.
 */
public final class LeadMailer {
  /** What became of one email. */
  public enum Delivery {
    /** Sent now. */
    SENT,
    /** An earlier try of the step claimed it and stopped before recording; not sent again. */
    UNCONFIRMED,
    /** Not sent: the prospect unsubscribed from such emails. */
    HELD_BACK;

    /** What a history entry adds when the email was not sent now; empty when sent now. */
    public String note() {
      switch (this) {
        case SENT:
          return "";
        case HELD_BACK:
          return " (not sent: the prospect unsubscribed from sales emails)";
        default:
          return " (an earlier try stopped while sending this email; it was not sent again, so it"
              + " may not have arrived)";
      }
    }
  }

  private final Mailer mailer;
  private final LeadHistory history;

  public LeadMailer(Mailer mailer, LeadHistory history) {
    this.mailer = mailer;
    this.history = history;
  }

  /**
   * Sends {@code email} for lead {@code leadId} unless an earlier try claimed it.
   *
   * @param key names the email within the lead, stable across retries: {@code intro}, {@code
   *     offer#2#…}
   * @throws RuntimeException the provider's refusal, after giving the claim up
   */
  public Delivery send(String leadId, String key, Email email) {
    Outgoing outgoing = mailer.prepare(email);
    String action = action(key);
    // PutItem History (the claim), or with what the email needs stored before it goes (its
    // unsubscribe link's hash, which must exist before the prospect can click) one
    // TransactWriteItems of both: a retry finds the claim and sends nothing, and a claim never
    // stands without the link of the email it let go.
    boolean claimed =
        outgoing.before().isPresent()
            ? history.claimWith(leadId, action, outgoing.before().get())
            : history.claim(leadId, action);
    if (!claimed) {
      return Delivery.UNCONFIRMED;
    }
    return new Claim(leadId, action).deliver(outgoing) ? Delivery.SENT : Delivery.HELD_BACK;
  }

  /**
   * Email {@code key} of lead {@code leadId} made ready for a step that takes its claim itself,
   * with what the email needs stored before it, in a write of its own (Take In Lead's joined write,
   * {@link LeadHistory#recordJoined}), and sends it after that write.
   */
  public Prepared prepare(String leadId, String key, Email email) {
    return new Prepared(action(key), mailer.prepare(email));
  }

  /**
   * An email ready to go once its claim and {@link Outgoing#before} are written.
   *
   * @param action the claim's action ({@link #action})
   * @param outgoing what the email needs stored before it goes, and its delivery; a refused
   *     delivery gives nothing up: the caller's corrective write does
   */
  public record Prepared(String action, Outgoing outgoing) {}

  /**
   * Claims email {@code key} of lead {@code leadId} for a step that must know whether it may send
   * before it writes what the email refers to (a new offer token).
   *
   * @return empty when an earlier try claimed it
   */
  public Optional<Claim> claim(String leadId, String key) {
    String action = action(key);
    return history.claim(leadId, action)
        ? Optional.of(new Claim(leadId, action))
        : Optional.empty();
  }

  /**
   * The claim on email {@code key} of lead {@code leadId} that the caller took itself, in one write
   * with what the email refers to, under the action {@link #action} names.
   */
  public Claim claimed(String leadId, String key) {
    return new Claim(leadId, action(key));
  }

  /** The action in the lead's history ({@link LeadHistory#claim}) that claims email {@code key}. */
  public static String action(String key) {
    return "email#" + key;
  }

  /** The right to send one email, taken by {@link #claim}. */
  public final class Claim {
    private final String leadId;
    private final String action;

    private Claim(String leadId, String action) {
      this.leadId = leadId;
      this.action = action;
    }

    /**
     * Sends the email.
     *
     * @throws RuntimeException the provider's refusal, after giving the claim up
     */
    public void send(Email email) {
      deliver(email);
    }

    /**
     * Sends the email unless the recipient asked not to get such email.
     *
     * @return whether it was sent
     * @throws RuntimeException the provider's refusal, after giving the claim up
     */
    public boolean deliver(Email email) {
      return deliver(new Outgoing(Optional.empty(), () -> mailer.deliver(email)));
    }

    private boolean deliver(Outgoing outgoing) {
      try {
        return outgoing.deliver();
      } catch (RuntimeException e) {
        try {
          history.release(leadId, action);
        } catch (RuntimeException releaseFailed) {
          e.addSuppressed(releaseFailed);
        }
        throw e;
      }
    }
  }
}
