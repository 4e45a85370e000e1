package com.leadhandoff.offer;

import com.leadhandoff.lead.Lead;
import java.util.Optional;

/** What a rep's offer link leads to, after a look or an answer. */
public sealed interface OfferView {

  /** How the rep arrived at the view, which decides what the page says and its status. */
  enum Visit {
    /** Only looked (GET). */
    VIEWED,
    /** This request answered the offer. */
    ANSWERED_NOW,
    /** The rep gave the same answer before (a double click, a retried request). */
    ANSWERED_AGAIN,
    /** The rep tries the opposite of the answer already given. */
    OTHER_ANSWER
  }

  /** No offer has this link: mistyped, or replaced by a newer offer email. */
  record Unknown() implements OfferView {}

  /**
   * Open and in time: the rep may accept or decline.
   *
   * @param problem why the decline just submitted was refused, if it was
   */
  record Open(Offer offer, Lead lead, Optional<String> problem) implements OfferView {}

  /** The deadline passed; the lead was (or is being) passed on. */
  record Expired(Offer offer, Lead lead) implements OfferView {}

  /** The rep accepted the lead. */
  record Accepted(Offer offer, Lead lead, Visit visit) implements OfferView {}

  /** The rep declined the lead. */
  record Declined(Offer offer, Lead lead, Visit visit, boolean recycled) implements OfferView {}

  /** The rep's accept went through but somebody else had come to own the lead meanwhile. */
  record OwnedElsewhere(Offer offer, Lead lead) implements OfferView {}
}
