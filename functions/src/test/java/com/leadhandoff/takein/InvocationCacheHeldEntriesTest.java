package com.leadhandoff.takein;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Entries a step records while the invocation holds them back (Acknowledge Lead's, in Take In
 * Lead): shown at once, written with the lead's next entry in one write, or alone when none comes,
 * and never twice.
 */
class InvocationCacheHeldEntriesTest {
  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  private final InvocationCache cache = new InvocationCache();
  private final Stored stored = new Stored();
  private final LeadHistory history = cache.history(stored);

  @Test
  void heldEntry_isShownAtOnce_andWrittenWithTheNextEntry_inOneWrite() {
    // GIVEN a lead scored earlier, whose history a step read
    stored.entries.add(event("SCORED", T0));
    history.of("lead-1");

    // WHEN the acknowledgement's entry is recorded while held back
    cache.holdingEntries(
        "lead-1",
        () -> {
          history.record("lead-1", event("ACKNOWLEDGED", T0.plusSeconds(1)));
          return null;
        });

    // THEN nothing is written yet, but the invocation's history shows it after what came before
    assertEquals(List.of(), stored.writes);
    assertEquals(List.of("SCORED", "ACKNOWLEDGED"), types(history.of("lead-1")));

    // WHEN Route Lead records its decision, and the invocation writes what is still held
    history.record("lead-1", event("ROUTED", T0.plusSeconds(1)));
    cache.writeHeld();

    // THEN both went in one write, the acknowledgement first, and nothing else was written
    assertEquals(List.of(List.of("ACKNOWLEDGED", "ROUTED")), stored.writes);
    assertEquals(List.of("SCORED", "ACKNOWLEDGED", "ROUTED"), types(history.of("lead-1")));
    assertEquals(1, stored.reads);
  }

  @Test
  void heldEntry_readBeforeTheHistoryWasRead_followsWhatIsStored() {
    // GIVEN an entry held back before any step read the lead's history
    stored.entries.add(event("SCORED", T0));
    cache.holdingEntries(
        "lead-1",
        () -> {
          history.record("lead-1", event("ACKNOWLEDGED", T0));
          return null;
        });

    // THEN the history read shows it after the stored ones, once
    assertEquals(List.of("SCORED", "ACKNOWLEDGED"), types(history.of("lead-1")));
    assertEquals(List.of("SCORED", "ACKNOWLEDGED"), types(history.of("lead-1")));
  }

  @Test
  void noEntryFollows_theHeldEntryIsWrittenAlone_once() {
    // GIVEN an entry held back, and no other entry of the lead in this invocation
    cache.holdingEntries(
        "lead-1",
        () -> {
          history.record("lead-1", event("ACKNOWLEDGED", T0));
          return null;
        });

    // WHEN the invocation writes what is held, twice (before its answer, then on its way out)
    cache.writeHeld();
    cache.writeHeld();

    // THEN it was written once, alone
    assertEquals(List.of(List.of("ACKNOWLEDGED")), stored.writes);
  }

  @Test
  void anotherKindOfWrite_writesTheHeldEntryFirst() {
    // GIVEN an entry held back
    cache.holdingEntries(
        "lead-1",
        () -> {
          history.record("lead-1", event("ACKNOWLEDGED", T0));
          return null;
        });

    // WHEN the next entry goes with a first SLA fact, which has its own write
    history.recordFirstFact("lead-1", event("OFFERED", T0.plusSeconds(1)), List.of());

    // THEN the held entry went first, alone
    assertEquals(List.of(List.of("ACKNOWLEDGED"), List.of("OFFERED")), stored.writes);
  }

  @Test
  void joinedWriteFailed_afterStoringBoth_theHeldEntryIsNotWrittenAgain() {
    // GIVEN an entry held back, and a joined write that stores both but whose answer is lost
    holdAcknowledged();
    stored.failAfterWriting = true;
    assertThrows(
        IllegalStateException.class,
        () -> history.record("lead-1", event("ROUTED", T0.plusSeconds(1))));
    stored.failAfterWriting = false;

    // WHEN the failing invocation writes what it still holds
    cache.writeHeld();

    // THEN it read the history, found the entry stored, and wrote nothing more
    assertEquals(List.of(List.of("ACKNOWLEDGED", "ROUTED")), stored.writes);
    assertEquals(List.of("ACKNOWLEDGED", "ROUTED"), types(stored.entries));
  }

  @Test
  void joinedWriteFailed_withoutStoring_theHeldEntryIsWrittenAlone() {
    // GIVEN an entry held back, and a joined write refused before it stored anything
    holdAcknowledged();
    stored.failBeforeWriting = true;
    assertThrows(
        IllegalStateException.class,
        () -> history.record("lead-1", event("ROUTED", T0.plusSeconds(1))));
    stored.failBeforeWriting = false;

    // WHEN the failing invocation writes what it still holds
    cache.writeHeld();

    // THEN the acknowledgement is stored, once, and Route Lead's entry is left to its retry
    assertEquals(List.of("ACKNOWLEDGED"), types(stored.entries));
  }

  private void holdAcknowledged() {
    cache.holdingEntries(
        "lead-1",
        () -> {
          history.record("lead-1", event("ACKNOWLEDGED", T0));
          return null;
        });
  }

  private static HistoryEvent event(String type, Instant at) {
    return new HistoryEvent(at, type, type, Map.of());
  }

  private static List<String> types(List<HistoryEvent> events) {
    return events.stream().map(HistoryEvent::type).toList();
  }

  /** A stored history that notes each write, and can fail one before or after storing it. */
  private static final class Stored implements LeadHistory {
    final List<HistoryEvent> entries = new ArrayList<>();
    final List<List<String>> writes = new ArrayList<>();
    int reads;
    boolean failBeforeWriting;
    boolean failAfterWriting;

    @Override
    public void record(String leadId, HistoryEvent event) {
      recordAll(leadId, List.of(event));
    }

    @Override
    public void recordAll(String leadId, List<HistoryEvent> events) {
      if (events.isEmpty()) {
        return;
      }
      if (failBeforeWriting) {
        throw new IllegalStateException("refused");
      }
      entries.addAll(events);
      writes.add(types(events));
      if (failAfterWriting) {
        throw new IllegalStateException("answer lost");
      }
    }

    @Override
    public List<HistoryEvent> of(String leadId) {
      reads++;
      return List.copyOf(entries);
    }

    @Override
    public boolean claim(String leadId, String action) {
      return true;
    }

    @Override
    public void release(String leadId, String action) {}
  }
}
