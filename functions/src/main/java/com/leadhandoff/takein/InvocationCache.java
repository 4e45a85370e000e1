package com.leadhandoff.takein;

import com.leadhandoff.history.Change;
import com.leadhandoff.history.Changes;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.Joined;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.offer.Offer;
import com.leadhandoff.offer.OfferStore;
import com.leadhandoff.routing.Directory;
import com.leadhandoff.routing.Rep;
import com.leadhandoff.routing.Roster;
import com.leadhandoff.routing.Team;
import com.leadhandoff.scoring.Score;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What one invocation of Take In Lead has read already: the lead, its history and the teams, and
 * what it knows without reading (a lead it scored first has no offers and no later entries). Its
 * four steps each read the lead and its history before they write; without this they read them from
 * DynamoDB four times over (docs/performance.md counts the requests). A step's own write drops the
 * lead it changed, so the next read is fresh; a history entry it records is added to the history
 * read before. Entries a step records may be held back to go with the next one in one write ({@link
 * #holdingEntries}), and a lead's steps' writes all held back for one write at the end ({@link
 * #join}). Everything is kept per thread and forgotten when the invocation ends (the local runtime
 * invokes one handler object from several threads at once).
 */
final class InvocationCache {
  // One thread-local for the lot: each ThreadLocal.withInitial would be a lambda class of its own.
  private final ThreadLocal<Invocation> invocation = ThreadLocal.withInitial(Invocation::new);

  /** The history {@link #history} wraps: where a joined write goes. */
  private volatile LeadHistory below;

  /**
   * What a lead's steps recorded while {@link #join joined}: the changes written with entries, and
   * the entries, in the order they were recorded; nothing of it is written yet.
   */
  private static final class Joining {
    final List<Change> changes = new ArrayList<>();
    final List<HistoryEvent> entries = new ArrayList<>();
  }

  /**
   * A lead's entries held back for its next entry's write, and the history they go to; {@code sent}
   * once a write of them was sent, which may have stored them even if it failed.
   */
  private static final class Held {
    final LeadHistory history;
    final List<HistoryEvent> entries = new ArrayList<>();
    boolean sent;

    Held(LeadHistory history) {
      this.history = history;
    }
  }

  /** What one invocation read, knows and holds back, on its thread. */
  private static final class Invocation {
    final Map<String, Optional<Lead>> leads = new HashMap<>();
    final Map<String, List<HistoryEvent>> histories = new HashMap<>();
    final Map<String, Optional<Team>> teams = new HashMap<>();
    final Map<DomainQuery, DomainAnswer> domains = new HashMap<>();
    final Map<String, List<HistoryEvent>> recorded = new HashMap<>();
    final Set<String> scoredFirst = new HashSet<>();
    final Set<String> holding = new HashSet<>();
    final Map<String, Held> held = new LinkedHashMap<>();
    final Map<String, Joining> joining = new HashMap<>();
  }

  /** A query of a company's leads, but for its start. */
  private record DomainQuery(String domain, Set<LeadStatus> statuses, int limit) {}

  /** What the query from {@code since} on answered. */
  private record DomainAnswer(Instant since, List<Lead> leads) {}

  /** Forgets everything read on this thread: the invocation starts or ends. */
  void forget() {
    invocation.remove();
  }

  /**
   * From now on, until {@link #writeJoined} writes them or {@link #leave}, the entries recorded for
   * lead {@code leadId} and the changes recorded with them ({@link LeadHistory#recordWith}) are
   * held back, and this invocation reads the lead, its history and its offers as if they were
   * written: Take In Lead writes its score, acknowledgement and route in one request at the end.
   * What depends on a change made first (a lead scored first has no later entries and no offers,
   * see {@link #scoredFirst}) holds only if the joined write is not refused; a refused one is run
   * again on a forgotten cache.
   */
  void join(String leadId) {
    invocation.get().joining.put(leadId, new Joining());
  }

  /** Drops what is held for {@code leadId} unwritten, and stops holding. */
  void leave(String leadId) {
    invocation.get().joining.remove(leadId);
  }

  /** Holds {@code event} with lead {@code leadId}'s other entries, after them. */
  void hold(String leadId, HistoryEvent event) {
    joined(leadId).entries.add(event);
    remember(leadId, event);
  }

  /** Holds {@code instead} in the place of the held entry {@code event} (none: drops it). */
  void replaceHeld(String leadId, HistoryEvent event, Optional<HistoryEvent> instead) {
    List<HistoryEvent> entries = joined(leadId).entries;
    int at = entries.indexOf(event);
    if (at < 0) {
      throw new IllegalArgumentException("No such entry held for lead " + leadId);
    }
    if (instead.isPresent()) {
      entries.set(at, instead.get());
    } else {
      entries.remove(at);
    }
  }

  /** The entries held for {@code leadId}, in their order. */
  List<HistoryEvent> heldEntries(String leadId) {
    Joining held = invocation.get().joining.get(leadId);
    return held == null ? List.of() : List.copyOf(held.entries);
  }

  /**
   * Writes what is held for lead {@code leadId}, with the email's claim and what it needs stored
   * before it, in one request ({@link LeadHistory#recordJoined}); nothing when nothing is held.
   * What is held stays held unless written.
   */
  Joined writeJoined(String leadId, Optional<String> claim, Optional<Change> before) {
    Joining held = joined(leadId);
    List<Change> changes = new ArrayList<>(held.changes);
    before.ifPresent(changes::add);
    if (changes.isEmpty() && claim.isEmpty() && held.entries.isEmpty()) {
      return Joined.WRITTEN;
    }
    Joined written =
        below.recordJoined(leadId, claim, new Changes(changes), List.copyOf(held.entries));
    if (written == Joined.WRITTEN) {
      held.changes.clear();
      held.entries.clear();
    }
    return written;
  }

  /**
   * After {@link #writeJoined} failed (an error after the SDK's retries, which a lost answer to a
   * transaction that did commit also gives): whether the write is stored after all, read from the
   * lead's history (Query History, only on this path; the transaction is all or nothing, so its
   * entries tell). If so, what was held is taken as written.
   */
  boolean landed(String leadId) {
    Joining held = joined(leadId);
    if (held.entries.isEmpty()) {
      return false;
    }
    List<HistoryEvent> stored = below.of(leadId);
    boolean landed =
        held.entries.stream()
            .allMatch(
                e ->
                    stored.stream()
                        .anyMatch(s -> s.type().equals(e.type()) && s.at().equals(e.at())));
    if (landed) {
      held.changes.clear();
      held.entries.clear();
    }
    return landed;
  }

  /** The history below this cache: for writes that nothing this invocation reads depends on. */
  LeadHistory written() {
    return below;
  }

  private Joining joined(String leadId) {
    Joining held = invocation.get().joining.get(leadId);
    if (held == null) {
      throw new IllegalStateException("Lead " + leadId + " is not joined");
    }
    return held;
  }

  /**
   * Runs {@code step}, holding back the history entries it records for lead {@code leadId}: they
   * are written with the lead's next entry, in one write ({@link LeadHistory#recordAll}), or alone
   * by {@link #writeHeld}. Meanwhile this invocation's history of the lead shows them, after what
   * came before, as it would once written. Take In Lead holds a merged submission's acknowledgement
   * entry until just before it answers its task.
   */
  <T> T holdingEntries(String leadId, Supplier<T> step) {
    invocation.get().holding.add(leadId);
    try {
      return step.get();
    } finally {
      invocation.get().holding.remove(leadId);
    }
  }

  /**
   * Writes the entries still held back, each lead's in one write; Take In Lead calls it before it
   * answers its task (after the answer nothing runs the invocation again) and when it fails. A
   * write of them already sent may have stored them although it failed (a reply lost after the
   * commit): the lead's history is then read, and only what it lacks is written, so no entry is
   * written twice. If this fails too, the entry is lost with the invocation, as when the process
   * dies: the retry's email claim says the email went, and the retry records the entry then.
   */
  void writeHeld() {
    Iterator<Map.Entry<String, Held>> leadsHeld = invocation.get().held.entrySet().iterator();
    while (leadsHeld.hasNext()) {
      Map.Entry<String, Held> lead = leadsHeld.next();
      String leadId = lead.getKey();
      Held entries = lead.getValue();
      List<HistoryEvent> missing = entries.entries;
      if (entries.sent) {
        // Query History: only after a failed write, never on the way of a lead.
        List<HistoryEvent> stored = entries.history.of(leadId);
        missing =
            missing.stream()
                .filter(
                    e ->
                        stored.stream()
                            .noneMatch(s -> s.type().equals(e.type()) && s.at().equals(e.at())))
                .toList();
      }
      entries.sent = true;
      if (!missing.isEmpty()) {
        entries.history.recordAll(leadId, missing);
      }
      leadsHeld.remove();
    }
  }

  /** {@code store}, reading each lead once per invocation. */
  LeadStore leads(LeadStore store) {
    return new LeadStore() {
      @Override
      public Optional<Lead> find(String leadId) {
        return invocation.get().leads.computeIfAbsent(leadId, store::find);
      }

      @Override
      public boolean create(Lead lead) {
        changed(lead.leadId(), lead.status());
        return store.create(lead);
      }

      @Override
      public void saveScore(String leadId, Score score, LeadStatus status) {
        Optional<Lead> before = invocation.get().leads.getOrDefault(leadId, Optional.empty());
        changed(leadId, status);
        store.saveScore(leadId, score, status);
        // The update sets the score and the status and nothing else a Lead holds: the next step
        // reads the lead as DynamoDB now has it without asking again.
        before.ifPresent(
            l -> invocation.get().leads.put(leadId, Optional.of(scored(l, score, status))));
      }

      @Override
      public Change creation(Lead lead) {
        changed(lead.leadId(), lead.status());
        return store.creation(lead);
      }

      @Override
      public Change firstScoring(String leadId, Score score, LeadStatus status) {
        Optional<Lead> before = invocation.get().leads.getOrDefault(leadId, Optional.empty());
        changed(leadId, status);
        return new Cached(
            store.firstScoring(leadId, score, status),
            () -> {
              before.ifPresent(
                  l -> invocation.get().leads.put(leadId, Optional.of(scored(l, score, status))));
              scoredFirst(leadId);
            });
      }

      @Override
      public boolean saveFirstScore(String leadId, Score score, LeadStatus status) {
        // The store's change, made on its own, is its saveFirstScore; made through this cache it
        // also leaves the scored lead and what a first scoring tells behind.
        return firstScoring(leadId, score, status).make();
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
        DomainAnswer read = invocation.get().domains.get(query);
        // Acknowledge Lead and Route Lead both look for the company's owners, a few milliseconds
        // apart: a later start only narrows the answer, unless it was cut at the limit.
        if (read != null && !since.isBefore(read.since()) && read.leads().size() < limit) {
          return read.leads().stream().filter(l -> !l.receivedAt().isBefore(since)).toList();
        }
        List<Lead> answer = store.fromDomain(domain, since, statuses, limit);
        invocation.get().domains.put(query, new DomainAnswer(since, List.copyOf(answer)));
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
   * A change of the lead made through this cache, and what it does to what the invocation holds
   * once made.
   */
  private record Cached(Change change, Runnable made) implements Change {
    @Override
    public boolean make() {
      if (!change.make()) {
        return false;
      }
      made.run();
      return true;
    }
  }

  /** {@code lead} as a score update leaves it: it sets the score and the status, nothing else. */
  private static Lead scored(Lead lead, Score score, LeadStatus status) {
    return new Lead(
        lead.leadId(),
        lead.receivedAt(),
        lead.submission(),
        status,
        Optional.of(score),
        lead.owner(),
        lead.mergedInto());
  }

  /**
   * This invocation stored the lead's first score (a conditional write that one try wins), so no
   * try before it got past Score Lead: nothing it asks of the lead's history or offers afterwards
   * can have been written by anyone else. Its history holds only what came before scoring (intake's
   * RECEIVED or START_FAILED, Match Lead's DUPLICATE_CHECK_SKIPPED, another submission's
   * SUBMITTED_AGAIN), none of which a later step of Take In Lead looks for (SCORED, ACKNOWLEDGED,
   * ACKNOWLEDGEMENT_FAILED, ROUTED, NO_REP as the last entry); and offers are made only after Take
   * In Lead. So the history is taken as what this invocation recorded (or read, if it had read it
   * already) and the lead's offers as none, without the two queries that would say the same.
   */
  private void scoredFirst(String leadId) {
    invocation
        .get()
        .histories
        .computeIfAbsent(
            leadId, id -> new ArrayList<>(invocation.get().recorded.getOrDefault(id, List.of())));
    invocation.get().scoredFirst.add(leadId);
  }

  /**
   * Drops what a write to lead {@code leadId}, leaving it in {@code status}, may have changed: the
   * lead, and the company queries that held it or look for its new status.
   */
  private void changed(String leadId, LeadStatus status) {
    invocation.get().leads.remove(leadId);
    invocation
        .get()
        .domains
        .entrySet()
        .removeIf(
            e ->
                e.getKey().statuses().contains(status)
                    || e.getValue().leads().stream().anyMatch(l -> l.leadId().equals(leadId)));
  }

  /** Adds {@code event}, recorded for lead {@code leadId}, to what this invocation read of it. */
  private void remember(String leadId, HistoryEvent event) {
    invocation.get().recorded.computeIfAbsent(leadId, id -> new ArrayList<>()).add(event);
    List<HistoryEvent> read = invocation.get().histories.get(leadId);
    if (read != null) {
      read.add(event);
    }
  }

  /** {@code history}, reading each lead's history once per invocation. */
  LeadHistory history(LeadHistory history) {
    below = history;
    return new LeadHistory() {
      @Override
      public void record(String leadId, HistoryEvent event) {
        Joining joined = invocation.get().joining.get(leadId);
        if (joined != null) {
          joined.entries.add(event);
          remember(leadId, event);
          return;
        }
        if (invocation.get().holding.contains(leadId)) {
          invocation.get().held.computeIfAbsent(leadId, id -> new Held(history)).entries.add(event);
          remember(leadId, event);
          return;
        }
        Held before = invocation.get().held.get(leadId);
        if (before == null) {
          history.record(leadId, event);
        } else {
          // The held entries first: earlier, and in that order even at the same instant.
          List<HistoryEvent> entries = new ArrayList<>(before.entries);
          entries.add(event);
          before.sent = true;
          history.recordAll(leadId, entries);
          invocation.get().held.remove(leadId);
        }
        remember(leadId, event);
      }

      @Override
      public void recordAll(String leadId, List<HistoryEvent> events) {
        writeHeld();
        history.recordAll(leadId, events);
        events.forEach(event -> remember(leadId, event));
      }

      @Override
      public Joined recordJoined(
          String leadId, Optional<String> claim, Change change, List<HistoryEvent> events) {
        writeHeld();
        Joined joined = history.recordJoined(leadId, claim, change, events);
        if (joined == Joined.WRITTEN) {
          events.forEach(event -> remember(leadId, event));
        }
        return joined;
      }

      @Override
      public void withdraw(String leadId, HistoryEvent entry, HistoryEvent instead, String claim) {
        history.withdraw(leadId, entry, instead, claim);
        List<HistoryEvent> read = invocation.get().histories.get(leadId);
        if (read != null) {
          read.remove(entry);
        }
        remember(leadId, instead);
      }

      @Override
      public boolean amend(String leadId, HistoryEvent entry, String summary) {
        // Rare (a retry): the history is read again if this invocation asks for it.
        invocation.get().histories.remove(leadId);
        return history.amend(leadId, entry, summary);
      }

      @Override
      public void recordFirstFact(String leadId, HistoryEvent event, List<HistoryEvent> earlier) {
        writeHeld();
        history.recordFirstFact(leadId, event, earlier);
        remember(leadId, event);
      }

      @Override
      public boolean recordWith(String leadId, HistoryEvent event, Change change) {
        // The store below gets the change as its own store made it, to write both in one request.
        Change made = change instanceof Cached cached ? cached.change() : change;
        Joining joined = invocation.get().joining.get(leadId);
        if (joined != null) {
          // Held for the joined write; the invocation goes on as if it were made (see join).
          joined.changes.add(made);
          joined.entries.add(event);
          if (change instanceof Cached cached) {
            cached.made().run();
          }
          remember(leadId, event);
          return true;
        }
        writeHeld();
        if (!history.recordWith(leadId, event, made)) {
          return false;
        }
        if (change instanceof Cached cached) {
          cached.made().run();
        }
        remember(leadId, event);
        return true;
      }

      @Override
      public List<HistoryEvent> of(String leadId) {
        return List.copyOf(invocation.get().histories.computeIfAbsent(leadId, this::read));
      }

      /** The lead's history as stored, and after it the entries held back. */
      private List<HistoryEvent> read(String leadId) {
        List<HistoryEvent> read = new ArrayList<>(history.of(leadId));
        Held entries = invocation.get().held.get(leadId);
        if (entries != null) {
          read.addAll(entries.entries);
        }
        Joining joined = invocation.get().joining.get(leadId);
        if (joined != null) {
          read.addAll(joined.entries);
        }
        return read;
      }

      @Override
      public boolean claim(String leadId, String action) {
        return history.claim(leadId, action);
      }

      @Override
      public boolean claimWith(String leadId, String action, Change change) {
        return history.claimWith(leadId, action, change);
      }

      @Override
      public void release(String leadId, String action) {
        history.release(leadId, action);
      }
    };
  }

  /**
   * {@code offers}, answering "none" for the offers of a lead this invocation scored first (see
   * {@link #scoredFirst}); everything else as the store has it.
   */
  OfferStore offers(OfferStore offers) {
    return new OfferStore() {
      @Override
      public void put(Offer offer) {
        invocation.get().scoredFirst.remove(offer.leadId());
        offers.put(offer);
      }

      @Override
      public Optional<Offer> findByTokenHash(String tokenHash) {
        return offers.findByTokenHash(tokenHash);
      }

      @Override
      public Optional<Offer> find(String leadId, String offerId) {
        return offers.find(leadId, offerId);
      }

      @Override
      public List<Offer> forLead(String leadId) {
        return invocation.get().scoredFirst.contains(leadId) ? List.of() : offers.forLead(leadId);
      }

      @Override
      public boolean accept(String leadId, String offerId, Instant now) {
        return offers.accept(leadId, offerId, now);
      }

      @Override
      public boolean decline(String leadId, String offerId, String reason, Instant now) {
        return offers.decline(leadId, offerId, reason, now);
      }

      @Override
      public boolean expire(String leadId, String offerId, Instant now) {
        return offers.expire(leadId, offerId, now);
      }

      @Override
      public Reminded remind(String leadId, String offerId, int number, String taskToken) {
        return offers.remind(leadId, offerId, number, taskToken);
      }
    };
  }

  /**
   * {@code directory}, reading each team (with the ids of its reps) once per invocation; reps and
   * turns as they are.
   */
  Directory directory(Directory directory) {
    return new Directory() {
      @Override
      public Optional<Team> team(String teamId) {
        return invocation.get().teams.computeIfAbsent(teamId, directory::team);
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
      public Roster roster(Team team) {
        // The team's item read above lists whom to read: the reps themselves are read each time.
        return directory.roster(team);
      }

      @Override
      public long nextTurn(String teamId) {
        return directory.nextTurn(teamId);
      }
    };
  }
}
