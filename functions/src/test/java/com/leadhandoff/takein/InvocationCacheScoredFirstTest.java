package com.leadhandoff.takein;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.offer.Offer;
import com.leadhandoff.offer.OfferStore;
import com.leadhandoff.scoring.Score;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A lead that Take In Lead scored first, with a conditional write that one try wins, can have no
 * later history entry or offer written by anyone else: the invocation answers both from memory.
 */
class InvocationCacheScoredFirstTest {
  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
  private static final Score HOT = new Score(80, Score.Tier.HOT, true, List.of());

  private final InvocationCache cache = new InvocationCache();
  private final Store store = new Store();
  private final History stored = new History();
  private final Offers storedOffers = new Offers();
  private final LeadStore leads = cache.leads(store);
  private final LeadHistory history = cache.history(stored);
  private final OfferStore offers = cache.offers(storedOffers);

  @Test
  void leadScoredFirst_historyAndOffersAreAnsweredWithoutAsking() {
    // GIVEN an unscored lead whose history holds intake's entry
    store.leads.put("lead-1", lead(Optional.empty()));
    stored.events.add(event("RECEIVED"));

    // WHEN this invocation stores its score with the SCORED entry
    leads.find("lead-1");
    boolean first =
        history.recordWith(
            "lead-1", event("SCORED"), leads.firstScoring("lead-1", HOT, LeadStatus.ROUTING));

    // THEN later steps see the entries recorded since, and no offers, with no read of either
    assertTrue(first);
    assertEquals(List.of("SCORED"), history.of("lead-1").stream().map(HistoryEvent::type).toList());
    history.record("lead-1", event("ACKNOWLEDGED"));
    assertEquals(
        List.of("SCORED", "ACKNOWLEDGED"),
        history.of("lead-1").stream().map(HistoryEvent::type).toList());
    assertEquals(List.of(), offers.forLead("lead-1"));
    assertEquals(0, stored.reads);
    assertEquals(0, storedOffers.reads);
    // AND the lead as scored, without reading it again
    int finds = store.finds;
    assertEquals(Optional.of(HOT), leads.find("lead-1").orElseThrow().score());
    assertEquals(finds, store.finds);

    // AND the next invocation reads both from the stores
    cache.forget();
    history.of("lead-1");
    offers.forLead("lead-1");
    assertEquals(1, stored.reads);
    assertEquals(1, storedOffers.reads);
  }

  @Test
  void leadScoredBefore_historyAndOffersAreRead() {
    // GIVEN a lead an earlier try scored
    store.leads.put("lead-1", lead(Optional.of(HOT)));

    // WHEN this try's score is refused
    boolean first =
        history.recordWith(
            "lead-1", event("SCORED"), leads.firstScoring("lead-1", HOT, LeadStatus.ROUTING));

    // THEN nothing was recorded, and history and offers come from the stores
    assertFalse(first);
    assertEquals(List.of(), history.of("lead-1"));
    offers.forLead("lead-1");
    assertEquals(1, stored.reads);
    assertEquals(1, storedOffers.reads);
  }

  private static Lead lead(Optional<Score> score) {
    return new Lead("lead-1", T0, null, LeadStatus.RECEIVED, score, Optional.empty());
  }

  private static HistoryEvent event(String type) {
    return new HistoryEvent(T0, type, type, Map.of());
  }

  private static final class History implements LeadHistory {
    final List<HistoryEvent> events = new ArrayList<>();
    int reads;

    @Override
    public void record(String leadId, HistoryEvent event) {
      events.add(event);
    }

    @Override
    public List<HistoryEvent> of(String leadId) {
      reads++;
      return List.copyOf(events);
    }

    @Override
    public boolean claim(String leadId, String action) {
      return true;
    }

    @Override
    public void release(String leadId, String action) {}
  }

  private static final class Offers implements OfferStore {
    int reads;

    @Override
    public List<Offer> forLead(String leadId) {
      reads++;
      return List.of();
    }

    @Override
    public void put(Offer offer) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Offer> findByTokenHash(String tokenHash) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Offer> find(String leadId, String offerId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean accept(String leadId, String offerId, Instant now) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean decline(String leadId, String offerId, String reason, Instant now) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean expire(String leadId, String offerId, Instant now) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Reminded remind(String leadId, String offerId, int number, String taskToken) {
      throw new UnsupportedOperationException();
    }
  }

  /** Leads in memory; scoring stores the score (the default first-score check reads first). */
  private static final class Store implements LeadStore {
    final Map<String, Lead> leads = new HashMap<>();
    int finds;

    @Override
    public Optional<Lead> find(String leadId) {
      finds++;
      return Optional.ofNullable(leads.get(leadId));
    }

    @Override
    public boolean create(Lead lead) {
      return leads.putIfAbsent(lead.leadId(), lead) == null;
    }

    @Override
    public void saveScore(String leadId, Score score, LeadStatus status) {
      Lead l = leads.get(leadId);
      leads.put(
          leadId,
          new Lead(leadId, l.receivedAt(), l.submission(), status, Optional.of(score), l.owner()));
    }

    @Override
    public void setStatus(String leadId, LeadStatus status) {}

    @Override
    public boolean setStatusIf(String leadId, LeadStatus expected, LeadStatus status) {
      return false;
    }

    @Override
    public boolean claimOwner(String leadId, Owner owner, LeadStatus status) {
      return false;
    }

    @Override
    public List<Lead> withEmail(String email, Instant since) {
      return List.of();
    }

    @Override
    public List<Lead> fromDomain(
        String domain, Instant since, Set<LeadStatus> statuses, int limit) {
      return List.of();
    }

    @Override
    public boolean markMerged(String leadId, String intoLeadId) {
      return false;
    }
  }
}
