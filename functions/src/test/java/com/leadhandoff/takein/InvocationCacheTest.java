package com.leadhandoff.takein;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.routing.Directory;
import com.leadhandoff.routing.Rep;
import com.leadhandoff.routing.Team;
import com.leadhandoff.scoring.Score;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What one invocation of Take In Lead reads once, and what a write makes it read again. */
class InvocationCacheTest {
  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
  private static final Set<LeadStatus> ACCEPTED = Set.of(LeadStatus.ACCEPTED);

  private final InvocationCache cache = new InvocationCache();
  private final CountingStore store = new CountingStore();
  private final LeadStore leads = cache.leads(store);

  private static Lead lead(String id, Instant at, LeadStatus status) {
    return new Lead(id, at, null, status, Optional.empty(), Optional.empty());
  }

  @Test
  void theLead_isReadOnce_untilAStepWritesIt() {
    // GIVEN a stored lead
    store.leads.add(lead("lead-1", T0, LeadStatus.RECEIVED));

    Score score = new Score(80, Score.Tier.HOT, true, List.of());

    // WHEN two steps read it, one scores it, and a third reads it
    leads.find("lead-1");
    leads.find("lead-1");
    leads.saveScore("lead-1", score, LeadStatus.ROUTING);
    Lead scored = leads.find("lead-1").orElseThrow();

    // THEN it was read once, and the third step sees the score and the status it was saved with
    assertEquals(1, store.finds);
    assertEquals(Optional.of(score), scored.score());
    assertEquals(LeadStatus.ROUTING, scored.status());

    // AND any other write makes the next read go to the store, as does the next invocation
    leads.setStatus("lead-1", LeadStatus.ROUTING);
    leads.find("lead-1");
    assertEquals(2, store.finds);
    cache.forget();
    leads.find("lead-1");
    assertEquals(3, store.finds);
  }

  @Test
  void theCompanysOwners_areQueriedOnce_andALaterStartNarrowsTheAnswer() {
    // GIVEN two accepted leads of the company, received at T0 and an hour later
    store.leads.add(lead("old", T0, LeadStatus.ACCEPTED));
    store.leads.add(lead("new", T0.plusSeconds(3600), LeadStatus.ACCEPTED));

    // WHEN the owners are looked up from T0 and then from half an hour later
    List<Lead> first = leads.fromDomain("acme.example", T0, ACCEPTED, 50);
    List<Lead> later = leads.fromDomain("acme.example", T0.plusSeconds(1800), ACCEPTED, 50);

    // THEN one query answered both, the second without the lead received before its start
    assertEquals(1, store.domainQueries);
    assertEquals(2, first.size());
    assertEquals(List.of("new"), later.stream().map(Lead::leadId).toList());

    // AND an earlier start, or a lead that became ACCEPTED, is queried again
    leads.fromDomain("acme.example", T0.minusSeconds(1), ACCEPTED, 50);
    assertEquals(2, store.domainQueries);
    leads.claimOwner("third", null, LeadStatus.ACCEPTED);
    leads.fromDomain("acme.example", T0, ACCEPTED, 50);
    assertEquals(3, store.domainQueries);
  }

  @Test
  void anAnswerCutAtItsLimit_isNotNarrowed_butQueriedAgain() {
    store.leads.add(lead("a", T0, LeadStatus.ACCEPTED));
    store.leads.add(lead("b", T0.plusSeconds(60), LeadStatus.ACCEPTED));

    leads.fromDomain("acme.example", T0, ACCEPTED, 2);
    leads.fromDomain("acme.example", T0.plusSeconds(1), ACCEPTED, 2);

    assertEquals(2, store.domainQueries, "a full page may have left leads out");
  }

  @Test
  void theHistory_isReadOnce_andWhatAStepRecordsIsAddedToIt() {
    // GIVEN a lead with one history entry
    List<HistoryEvent> stored = new ArrayList<>();
    stored.add(new HistoryEvent(T0, "RECEIVED", "received", Map.of()));
    int[] reads = {0};
    LeadHistory history =
        cache.history(
            new LeadHistory() {
              @Override
              public void record(String leadId, HistoryEvent event) {
                stored.add(event);
              }

              @Override
              public List<HistoryEvent> of(String leadId) {
                reads[0]++;
                return List.copyOf(stored);
              }

              @Override
              public boolean claim(String leadId, String action) {
                return true;
              }

              @Override
              public void release(String leadId, String action) {}
            });

    // WHEN a step reads it and records an entry, and the next step reads it
    history.of("lead-1");
    history.record("lead-1", new HistoryEvent(T0.plusSeconds(1), "SCORED", "scored", Map.of()));
    List<HistoryEvent> seen = history.of("lead-1");

    // THEN the history was read once, and the next step sees both entries, unchangeable
    assertEquals(1, reads[0]);
    assertEquals(List.of("RECEIVED", "SCORED"), seen.stream().map(HistoryEvent::type).toList());
    assertThrows(UnsupportedOperationException.class, () -> seen.add(null));
  }

  @Test
  void aTeam_isReadOnce_whileRepsAndTurnsAreReadEveryTime() {
    int[] teamReads = {0};
    int[] turns = {0};
    Directory directory =
        cache.directory(
            new Directory() {
              @Override
              public Optional<Team> team(String teamId) {
                teamReads[0]++;
                return Optional.of(new Team(teamId, "Inbound", "Morgan", "m@x.example", true));
              }

              @Override
              public Optional<Team> defaultTeam() {
                return Optional.empty();
              }

              @Override
              public Optional<Rep> rep(String repId) {
                return Optional.empty();
              }

              @Override
              public List<Rep> activeReps(String teamId) {
                return List.of();
              }

              @Override
              public long nextTurn(String teamId) {
                return ++turns[0];
              }
            });

    directory.team("inbound");
    directory.team("inbound");
    directory.nextTurn("inbound");
    directory.nextTurn("inbound");

    assertEquals(1, teamReads[0]);
    assertEquals(2, turns[0], "a round-robin turn is never remembered");
  }

  /** An in-memory lead store that counts its reads. */
  private static final class CountingStore implements LeadStore {
    final List<Lead> leads = new ArrayList<>();
    int finds;
    int domainQueries;

    @Override
    public Optional<Lead> find(String leadId) {
      finds++;
      return leads.stream().filter(l -> l.leadId().equals(leadId)).findFirst();
    }

    @Override
    public boolean create(Lead lead) {
      return leads.add(lead);
    }

    @Override
    public void saveScore(String leadId, Score score, LeadStatus status) {}

    @Override
    public void setStatus(String leadId, LeadStatus status) {}

    @Override
    public boolean setStatusIf(String leadId, LeadStatus expected, LeadStatus status) {
      return true;
    }

    @Override
    public boolean claimOwner(String leadId, Owner owner, LeadStatus status) {
      return true;
    }

    @Override
    public List<Lead> withEmail(String email, Instant since) {
      return List.of();
    }

    @Override
    public List<Lead> fromDomain(
        String domain, Instant since, Set<LeadStatus> statuses, int limit) {
      domainQueries++;
      return leads.stream()
          .filter(l -> statuses.contains(l.status()) && !l.receivedAt().isBefore(since))
          .limit(limit)
          .toList();
    }

    @Override
    public boolean markMerged(String leadId, String intoLeadId) {
      return true;
    }
  }
}
