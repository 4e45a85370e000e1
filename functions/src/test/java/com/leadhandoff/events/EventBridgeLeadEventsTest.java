package com.leadhandoff.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

class EventBridgeLeadEventsTest {
  @Test
  void size_countsAsEventBridgeDoes_timeAs14BytesAndUtf8Text() {
    // GIVEN an entry with a Time and a detail holding a two-byte character
    PutEventsRequestEntry entry =
        PutEventsRequestEntry.builder()
            .source("lead-handoff")
            .detailType("Lead Accepted")
            .detail("{\"a\":\"é\"}")
            .time(Instant.EPOCH)
            .build();

    // WHEN its size is counted
    int size = EventBridgeLeadEvents.size(entry);

    // THEN it is 14 + 12 + 13 + 10 bytes
    assertEquals(14 + 12 + 13 + 10, size);
  }

  @Test
  void batches_holdAtMostTenEntries_andStayUnder256Kb() {
    // GIVEN 23 small entries and 3 of 100 KB
    List<PutEventsRequestEntry> small = IntStream.range(0, 23).mapToObj(i -> entry(10)).toList();
    List<PutEventsRequestEntry> large =
        IntStream.range(0, 3).mapToObj(i -> entry(100_000)).toList();

    // WHEN they are split into requests
    List<List<PutEventsRequestEntry>> smallBatches = EventBridgeLeadEvents.batches(small);
    List<List<PutEventsRequestEntry>> largeBatches = EventBridgeLeadEvents.batches(large);

    // THEN ten per request, and no request's entries add up to more than 256 KB
    assertEquals(List.of(10, 10, 3), smallBatches.stream().map(List::size).toList());
    assertEquals(List.of(2, 1), largeBatches.stream().map(List::size).toList());
  }

  private static PutEventsRequestEntry entry(int detailBytes) {
    return PutEventsRequestEntry.builder()
        .source("lead-handoff")
        .detailType("Lead Scored")
        .detail("{\"x\":\"" + "x".repeat(detailBytes) + "\"}")
        .build();
  }
}
