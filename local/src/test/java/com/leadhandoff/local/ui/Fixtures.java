package com.leadhandoff.local.ui;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.local.ui.LeadRecords.LeadRecord;
import com.leadhandoff.offer.Offer;
import com.leadhandoff.offer.OfferStatus;
import com.leadhandoff.scoring.Score;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Leads, offers and histories as the product stores them, kept in memory for the UI's tests. */
final class Fixtures implements LeadRecords {
  static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  private final Map<String, LeadRecord> leads = new LinkedHashMap<>();
  private final Map<String, List<HistoryEvent>> histories = new LinkedHashMap<>();

  static Lead lead(
      String id, String first, String company, LeadStatus status, Optional<Owner> owner) {
    Submission submission =
        new Submission(
            id + "@example.com",
            first,
            "Doe",
            company,
            "CTO",
            null,
            "DE",
            500,
            "Software",
            "Please call",
            null,
            null,
            null,
            null,
            List.of());
    Score score =
        new Score(
            80,
            Score.Tier.HOT,
            true,
            List.of(new Score.Reason("exec", "Senior <decision> maker", 20)));
    return new Lead(id, T0, submission, status, Optional.of(score), owner);
  }

  /** An offer made at T0 with a 15-minute deadline, answered (or not) as told. */
  static Offer offer(
      String leadId,
      int attempt,
      String team,
      String rep,
      OfferStatus status,
      Optional<Duration> answeredAfter) {
    Instant offered = T0.plus(Duration.ofMinutes(20L * (attempt - 1)));
    return new Offer(
        leadId,
        String.format("%03d", attempt),
        attempt,
        team,
        rep,
        rep.toUpperCase(),
        rep + "@example.com",
        "hash",
        "task",
        offered,
        offered.plus(Duration.ofMinutes(15)),
        status,
        answeredAfter.map(offered::plus),
        Optional.empty());
  }

  static Owner rep(String id) {
    return new Owner(id, id.toUpperCase(), id + "@example.com", Owner.Role.REP);
  }

  Fixtures add(Lead lead, Offer... offers) {
    leads.put(lead.leadId(), new LeadRecord(lead, List.of(offers)));
    return this;
  }

  Fixtures history(String leadId, HistoryEvent event) {
    histories.computeIfAbsent(leadId, id -> new ArrayList<>()).add(event);
    return this;
  }

  @Override
  public List<LeadRecord> all() {
    return List.copyOf(leads.values());
  }

  @Override
  public Optional<LeadRecord> find(String leadId) {
    return Optional.ofNullable(leads.get(leadId));
  }

  @Override
  public List<HistoryEvent> history(String leadId) {
    return histories.getOrDefault(leadId, List.of());
  }
}
