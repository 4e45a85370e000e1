package com.leadhandoff.local.ui;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.offer.Offer;
import java.util.List;
import java.util.Optional;

/** The stored leads, their offers and their histories, as the UI's pages read them. */
public interface LeadRecords {

  /** One lead with every offer made for it, first attempt first. */
  record LeadRecord(Lead lead, List<Offer> offers) {
    public LeadRecord {
      offers = List.copyOf(offers);
    }
  }

  /** Every stored lead with its offers, newest lead first. */
  List<LeadRecord> all();

  /** The lead {@code leadId} with its offers, if it is stored. */
  Optional<LeadRecord> find(String leadId);

  /** The lead's history, oldest entry first. */
  List<HistoryEvent> history(String leadId);

  /** No leads at all: for a template that declares none of the product's tables. */
  static LeadRecords none() {
    return new LeadRecords() {
      @Override
      public List<LeadRecord> all() {
        return List.of();
      }

      @Override
      public Optional<LeadRecord> find(String leadId) {
        return Optional.empty();
      }

      @Override
      public List<HistoryEvent> history(String leadId) {
        return List.of();
      }
    };
  }
}
