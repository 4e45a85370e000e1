package com.leadhandoff.events;

import com.leadhandoff.json.JsonTrees;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/** Lead events on an EventBridge bus, through PutEvents. */
public final class EventBridgeLeadEvents implements LeadEvents {
  /** PutEvents takes 1 to 10 entries per request. */
  static final int MAX_ENTRIES = 10;

  /**
   * The 256 KB limit of one PutEvents entry, counted as EventBridge counts it: 14 bytes for Time
   * and the UTF-8 bytes of Source, DetailType, Detail and each Resource ("Calculating Amazon
   * EventBridge PutEvents event entry size", EventBridge User Guide).
   */
  static final int MAX_ENTRY_BYTES = 256 * 1024;

  private final EventBridgeClient client;
  private final String busName;

  /**
   * @param busName the name or ARN of the bus, the template's {@code LeadEventsBus}
   */
  public EventBridgeLeadEvents(EventBridgeClient client, String busName) {
    this.client = client;
    this.busName = busName;
  }

  @Override
  public void publish(List<LeadEvent> events) {
    List<String> problems = new ArrayList<>();
    List<PutEventsRequestEntry> entries = new ArrayList<>();
    for (LeadEvent event : events) {
      PutEventsRequestEntry entry = entry(event);
      int size = size(entry);
      if (size > MAX_ENTRY_BYTES) {
        problems.add(event.detailType() + " is " + size + " bytes, over PutEvents' 256 KB");
      } else {
        entries.add(entry);
      }
    }
    for (List<PutEventsRequestEntry> batch : batches(entries)) {
      PutEventsResponse response = client.putEvents(r -> r.entries(batch));
      // PutEvents answers 200 even when entries fail; each failed entry carries its own error
      // code in the result at the same index, and FailedEntryCount counts them.
      if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
        List<PutEventsResultEntry> results = response.entries();
        for (int i = 0; i < results.size() && i < batch.size(); i++) {
          if (results.get(i).errorCode() != null) {
            problems.add(
                batch.get(i).detailType()
                    + ": "
                    + results.get(i).errorCode()
                    + " "
                    + results.get(i).errorMessage());
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Not published: " + String.join("; ", problems));
    }
  }

  /** Requests of at most ten entries whose sizes add up to no more than the limit. */
  static List<List<PutEventsRequestEntry>> batches(List<PutEventsRequestEntry> entries) {
    List<List<PutEventsRequestEntry>> batches = new ArrayList<>();
    List<PutEventsRequestEntry> batch = new ArrayList<>();
    int bytes = 0;
    for (PutEventsRequestEntry entry : entries) {
      int size = size(entry);
      if (!batch.isEmpty() && (batch.size() == MAX_ENTRIES || bytes + size > MAX_ENTRY_BYTES)) {
        batches.add(batch);
        batch = new ArrayList<>();
        bytes = 0;
      }
      batch.add(entry);
      bytes += size;
    }
    if (!batch.isEmpty()) {
      batches.add(batch);
    }
    return batches;
  }

  private PutEventsRequestEntry entry(LeadEvent event) {
    // Detail is a string holding a JSON object: EventBridge rejects any other JSON value there.
    return PutEventsRequestEntry.builder()
        .eventBusName(busName)
        .source(LeadEventCatalog.SOURCE)
        .detailType(event.detailType())
        // Written by the streaming generator: a tree's toString builds an object mapper.
        .detail(JsonTrees.write(event.detail()))
        .time(event.occurredAt())
        .build();
  }

  static int size(PutEventsRequestEntry entry) {
    int size = entry.time() != null ? 14 : 0;
    size += bytes(entry.source()) + bytes(entry.detailType()) + bytes(entry.detail());
    for (String resource : entry.resources()) {
      size += bytes(resource);
    }
    return size;
  }

  private static int bytes(String text) {
    return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
  }
}
