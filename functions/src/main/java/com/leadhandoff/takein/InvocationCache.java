package com.leadhandoff.takein;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one invocation of Take In Lead has read already: the lead, its history and the teams. Its
 * four steps each read the lead and its history before they write; without this they read them from
 * DynamoDB four times over (docs/performance.md counts the requests). A step's own write drops the
 * lead it changed, so the next read is fresh; a history entry it records is added to the history
 * read before. Everything is kept per thread and forgotten when the invocation ends (the local
 * runtime invokes one handler object from several threads at once).
 */
final class InvocationCache {
  private final ThreadLocal<Map<String, Optional<Lead>>> leads =
      ThreadLocal.withInitial(HashMap::new);
  private final ThreadLocal<Map<String, List<HistoryEvent>>> histories =
      ThreadLocal.withInitial(HashMap::new);
  private final ThreadLocal<Map<String, Optional<Team>>> teams =
      ThreadLocal.withInitial(HashMap::new);
  private final ThreadLocal<Map<DomainQuery, DomainAnswer>> domains =
      ThreadLocal.withInitial(HashMap::new);

  /** A query of a company's leads, but for its start. */
  private record DomainQuery(String domain, Set<LeadStatus> statuses, int limit) {}

  /** What the query from {@code since} on answered. */
  private record DomainAnswer(Instant since, List<Lead> leads) {}

  /** Forgets everything read on this thread: the invocation starts or ends. */
  void forget() {
    leads.remove();
    histories.remove();
    teams.remove();
    domains.remove();
  }

  /** {@code store}, reading each lead once per invocation. */
  LeadStore leads(LeadStore store) {
    return new LeadStore() {
      @Override
      public Optional<Lead> find(String leadId) {
        return leads.get().computeIfAbsent(leadId, store::find);
      }

      @Override
      public boolean create(Lead lead) {
        changed(lead.leadId(), lead.status());
        return store.create(lead);
      }

      @Override
      public void saveScore(String leadId, Score score, LeadStatus status) {
        Optional<Lead> before = leads.get().getOrDefault(leadId, Optional.empty());
        changed(leadId, status);
        store.saveScore(leadId, score, status);
        // The update sets the score and the status and nothing else a Lead holds: the next step
        // reads the lead as DynamoDB now has it without asking again.
        before.ifPresent(
            l ->
                leads
                    .get()
                    .put(
                        leadId,
                        Optional.of(
                            new Lead(
                                l.leadId(),
                                l.receivedAt(),
                                l.submission(),
                                status,
                                Optional.of(score),
                                l.owner(),
                                l.mergedInto()))));
      }

      @Override
      public void setStatus(String leadId, LeadStatus status) {
        changed(leadId, status);
        store.setStatus(leadId, status);
      }

      @Override
      public boolean setStatusIf(String leadId, LeadStatus expected, LeadStatus status) {
        changed(leadId, status);
        return store.setStatusIf(leadId, expected, status);
      }

      @Override
      public boolean claimOwner(String leadId, Owner owner, LeadStatus status) {
        changed(leadId, status);
        return store.claimOwner(leadId, owner, status);
      }

      @Override
      public List<Lead> withEmail(String email, Instant since) {
        return store.withEmail(email, since);
      }

      @Override
      public List<Lead> fromDomain(
          String domain, Instant since, Set<LeadStatus> statuses, int limit) {
        DomainQuery query = new DomainQuery(domain, Set.copyOf(statuses), limit);
        DomainAnswer read = domains.get().get(query);
        // Acknowledge Lead and Route Lead both look for the company's owners, a few milliseconds
        // apart: a later start only narrows the answer, unless it was cut at the limit.
        if (read != null && !since.isBefore(read.since()) && read.leads().size() < limit) {
          return read.leads().stream().filter(l -> !l.receivedAt().isBefore(since)).toList();
        }
        List<Lead> answer = store.fromDomain(domain, since, statuses, limit);
        domains.get().put(query, new DomainAnswer(since, List.copyOf(answer)));
        return answer;
      }

      @Override
      public boolean markMerged(String leadId, String intoLeadId) {
        changed(leadId, LeadStatus.MERGED);
        return store.markMerged(leadId, intoLeadId);
      }
    };
  }

  /**
   * Drops what a write to lead {@code leadId}, leaving it in {@code status}, may have changed: the
   * lead, and the company queries that held it or look for its new status.
   */
  private void changed(String leadId, LeadStatus status) {
    leads.get().remove(leadId);
    domains
        .get()
        .entrySet()
        .removeIf(
            e ->
                e.getKey().statuses().contains(status)
                    || e.getValue().leads().stream().anyMatch(l -> l.leadId().equals(leadId)));
  }

  /** {@code history}, reading each lead's history once per invocation. */
  LeadHistory history(LeadHistory history) {
    return new LeadHistory() {
      @Override
      public void record(String leadId, HistoryEvent event) {
        history.record(leadId, event);
        List<HistoryEvent> read = histories.get().get(leadId);
        if (read != null) {
          read.add(event);
        }
      }

      @Override
      public List<HistoryEvent> of(String leadId) {
        return List.copyOf(
            histories.get().computeIfAbsent(leadId, id -> new ArrayList<>(history.of(id))));
      }

      @Override
      public boolean claim(String leadId, String action) {
        return history.claim(leadId, action);
      }

      @Override
      public void release(String leadId, String action) {
        history.release(leadId, action);
      }
    };
  }

  /** {@code directory}, reading each team once per invocation; reps and turns as they are. */
  Directory directory(Directory directory) {
    return new Directory() {
      @Override
      public Optional<Team> team(String teamId) {
        return teams.get().computeIfAbsent(teamId, directory::team);
      }

      @Override
      public Optional<Team> defaultTeam() {
        return directory.defaultTeam();
      }

      @Override
      public Optional<Rep> rep(String repId) {
        return directory.rep(repId);
      }

      @Override
      public List<Rep> activeReps(String teamId) {
        return directory.activeReps(teamId);
      }

      @Override
      public long nextTurn(String teamId) {
        return directory.nextTurn(teamId);
      }
    };
  }
}
