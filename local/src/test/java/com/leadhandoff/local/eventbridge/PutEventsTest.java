package com.leadhandoff.local.eventbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * PutEvents as the real SDK client calls it, against the local endpoint; tests named after the
 * EventBridge API Reference (PutEvents, PutEventsRequestEntry, PutEventsResultEntry).
 */
class PutEventsTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  private final HttpServer server = server();
  private EventBuses buses = EventBuses.inMemory(Set.of("orders"));
  private EventBridgeClient client;

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    server.stop(0);
  }

  @Test
  void putEvents_returnsAnEventIdPerEntry_andTheBusKeepsTheEvent() {
    // GIVEN the endpoint with a bus named orders
    EventBridgeClient sdk = start();

    // WHEN an entry is put on it by name
    PutEventsResponse response = sdk.putEvents(r -> r.entries(entry("orders", "{\"id\":7}")));

    // THEN it is accepted and kept, as a target would receive it
    assertEquals(0, response.failedEntryCount());
    String id = response.entries().get(0).eventId();
    assertNotNull(id);
    BusEvent kept = buses.newestFirst().get(0);
    assertEquals(id, kept.id());
    assertEquals("orders", kept.bus());
    assertEquals("Order Placed", kept.envelope().path("detail-type").asText());
    assertEquals(7, kept.envelope().path("detail").path("id").asInt());
    assertEquals("2026-11-23T08:00:00Z", kept.envelope().path("time").asText(), "the entry's Time");
  }

  @Test
  void putEventsResultEntry_malformedDetail_failsOnlyThatEntry() {
    // GIVEN an entry whose Detail is a JSON array, one that is not JSON, and a good one
    EventBridgeClient sdk = start();

    // WHEN they are put together
    PutEventsResponse response =
        sdk.putEvents(
            r ->
                r.entries(
                    entry("orders", "[1,2]"), entry("orders", "not json"), entry("orders", "{}")));

    // THEN the first two fail at their own index with MalformedDetail, the third is put
    assertEquals(2, response.failedEntryCount());
    assertEquals("MalformedDetail", response.entries().get(0).errorCode());
    assertEquals("Detail is malformed.", response.entries().get(1).errorMessage());
    assertNull(response.entries().get(2).errorCode());
    assertEquals(1, buses.newestFirst().size());
  }

  @Test
  void putEventsRequestEntry_missingDetailTypeOrUnknownBus_failsTheEntry() {
    // GIVEN entries without a DetailType, and for a bus that does not exist
    EventBridgeClient sdk = start();

    // WHEN they are put
    PutEventsResponse response =
        sdk.putEvents(
            r ->
                r.entries(
                    PutEventsRequestEntry.builder()
                        .eventBusName("orders")
                        .source("shop")
                        .detail("{}")
                        .build(),
                    entry("nope", "{}")));

    // THEN each fails with AWS's code and wording
    assertEquals("InvalidArgument", response.entries().get(0).errorCode());
    assertEquals(
        "Parameter DetailType is not valid. Reason: DetailType is a required argument.",
        response.entries().get(0).errorMessage());
    assertEquals("ResourceNotFoundException", response.entries().get(1).errorCode());
    assertTrue(buses.newestFirst().isEmpty());
  }

  @Test
  void putEvents_entries_acceptsAtMostTen() {
    // GIVEN eleven entries
    EventBridgeClient sdk = start();
    List<PutEventsRequestEntry> eleven =
        IntStream.range(0, 11).mapToObj(i -> entry("orders", "{}")).toList();

    // WHEN they are put in one request
    EventBridgeException e =
        assertThrows(EventBridgeException.class, () -> sdk.putEvents(r -> r.entries(eleven)));

    // THEN the request fails as a whole and nothing is kept
    assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    assertTrue(buses.newestFirst().isEmpty());
  }

  @Test
  void putEvents_entriesOver256Kb_failTheRequest() {
    // GIVEN two entries that together pass 256 KB
    EventBridgeClient sdk = start();
    String big = "{\"text\":\"" + "x".repeat(140 * 1024) + "\"}";

    // WHEN they are put
    EventBridgeException e =
        assertThrows(
            EventBridgeException.class,
            () -> sdk.putEvents(r -> r.entries(entry("orders", big), entry("orders", big))));

    // THEN the request is refused
    assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    assertTrue(buses.newestFirst().isEmpty());
  }

  @Test
  void forwardEvents_postsEachEventToTheWebhook_asEventBridgeDeliversIt() throws Exception {
    // GIVEN a webhook, and the bus forwarding to it
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    webhook.createContext(
        "/hook",
        exchange -> {
          received.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    webhook.start();
    URI url = URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook");
    try (WebhookForwarder forwarder =
        new WebhookForwarder(url, new PrintStream(OutputStreamSink.INSTANCE))) {
      buses.listen(forwarder);
      EventBridgeClient sdk = start();

      // WHEN an event is put
      String id =
          sdk.putEvents(r -> r.entries(entry("orders", "{\"id\":7}"))).entries().get(0).eventId();

      // THEN the webhook receives it as JSON, with its id, detail-type and detail
      String body = received.poll(10, TimeUnit.SECONDS);
      assertNotNull(body, "the webhook was called");
      assertTrue(body.contains("\"id\":\"" + id + "\""), body);
      assertTrue(body.contains("\"detail-type\":\"Order Placed\""), body);
      assertTrue(body.contains("\"detail\":{\"id\":7}"), body);
    } finally {
      webhook.stop(0);
    }
  }

  @Test
  void forwardEvents_deadWebhook_isLogged_andThePutStillSucceeds() throws Exception {
    // GIVEN a webhook URL nothing listens on
    int port;
    try (java.net.ServerSocket gone = new java.net.ServerSocket(0)) {
      port = gone.getLocalPort();
    }
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    WebhookForwarder forwarder =
        new WebhookForwarder(
            URI.create("http://127.0.0.1:" + port + "/hook"), new PrintStream(log, true));
    buses.listen(forwarder);
    EventBridgeClient sdk = start();

    // WHEN an event is put
    PutEventsResponse response = sdk.putEvents(r -> r.entries(entry("orders", "{}")));
    forwarder.close();

    // THEN the put succeeded and the failed delivery was logged
    assertEquals(0, response.failedEntryCount());
    assertEquals(1, buses.newestFirst().size());
    assertTrue(log.toString().contains("not forwarded"), log.toString());
  }

  @Test
  void persistedBuses_keepTheirEventsAcrossARestart(@TempDir Path dir) throws Exception {
    // GIVEN buses kept in a data folder, with one event put
    Path file = dir.resolve("events.jsonl");
    buses = EventBuses.persistedIn(file, Set.of("orders"));
    start().putEvents(r -> r.entries(entry("orders", "{\"id\":7}")));

    // WHEN the buses are read again, as after a restart, with a torn last line from a crash
    Files.writeString(file, "{\"id\":\"torn", java.nio.file.StandardOpenOption.APPEND);
    EventBuses again = EventBuses.persistedIn(file, Set.of("orders"));

    // THEN the event is there as it was
    assertEquals(1, again.newestFirst().size());
    assertEquals(buses.newestFirst().get(0), again.newestFirst().get(0));
  }

  private EventBridgeClient start() {
    server.createContext(
        "/_aws/events",
        new EventBridgeEndpoint(
            buses, Clock.fixed(NOW, ZoneOffset.UTC), "000000000000", "eu-west-1"));
    server.start();
    client =
        EventBridgeClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.EU_WEST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .endpointOverride(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/_aws/events"))
            .build();
    return client;
  }

  private static PutEventsRequestEntry entry(String bus, String detail) {
    return PutEventsRequestEntry.builder()
        .eventBusName(bus)
        .source("shop")
        .detailType("Order Placed")
        .detail(detail)
        .time(Instant.parse("2026-11-23T08:00:00Z"))
        .build();
  }

  private static HttpServer server() {
    try {
      return HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Discards what is written. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}
  }
}
