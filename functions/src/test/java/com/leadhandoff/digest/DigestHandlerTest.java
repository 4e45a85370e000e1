package com.leadhandoff.digest;

import static com.leadhandoff.digest.DigestFacts.accepted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.email.Email;
import com.leadhandoff.email.Mailer;
import com.leadhandoff.json.Json;
import com.leadhandoff.store.DynamoDigestClaims;
import com.leadhandoff.store.DynamoSlaFactsStore;
import com.leadhandoff.testing.AtOnce;
import com.leadhandoff.testing.Fixtures;
import com.leadhandoff.testing.MutableClock;
import com.leadhandoff.testing.RecordingMailer;
import com.leadhandoff.testing.TestDynamo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The digest function as the schedule invokes it, over the in-process DynamoDB engine: once per
 * team and week, whatever the retries and double deliveries.
 */
class DigestHandlerTest {
  private static final DigestTeam INBOUND =
      DigestWeekTest.team("inbound-sales", ZoneId.of("Europe/Berlin"));
  private static final DigestTeam ENTERPRISE =
      DigestWeekTest.team("enterprise", ZoneId.of("America/New_York"));

  /** What the schedule sends (its Input in template.yaml). */
  private static final String WEEKLY = Fixtures.event("digest-weekly.json");

  private static final Instant BERLIN_MONDAY_EIGHT = Instant.parse("2026-11-30T07:00:00Z");

  private final Map<String, String> tables = TestDynamo.tables();
  private final DynamoSlaFactsStore facts =
      new DynamoSlaFactsStore(TestDynamo.client(), tables.get("SlaFactsTable"));
  private final DynamoDigestClaims claims =
      new DynamoDigestClaims(TestDynamo.client(), tables.get("DigestClaimsTable"));
  private final MutableClock clock = new MutableClock(BERLIN_MONDAY_EIGHT);
  private final RecordingMailer mailer = new RecordingMailer();

  @Test
  void scheduledRun_atBerlinsMondayEight_sendsTheBerlinManagerTheirDigest_only() throws Exception {
    // GIVEN a lead the inbound team accepted last week
    facts.put(
        accepted(
            "l1",
            Instant.parse("2026-11-24T10:00:00Z"),
            "inbound-sales",
            "ana",
            Duration.ofMinutes(3)));

    // WHEN the schedule invokes the function at 07:00Z on Monday
    JsonNode result = invoke(handler(mailer), WEEKLY);

    // THEN the Berlin manager got the digest with last week's lead in it; New York is not due
    assertEquals(List.of("inbound-sales"), strings(result.get("sent")));
    Email digest = mailer.sentTo(INBOUND.managerEmail()).get(0);
    assertTrue(digest.text().contains("Leads offered to the team:   1"), digest.text());
    assertEquals(1, mailer.sent().size());
    // AND the facts were read one UTC day at a time over the chart's four local weeks: 29 days
    assertEquals(29, result.get("daysRead").asInt());
  }

  @Test
  void aRetryAfterSuccess_sendsNothing_andNewYorkGetsItsOwnLater() throws Exception {
    DigestHandler handler = handler(mailer);
    invoke(handler, WEEKLY);

    // WHEN Scheduler delivers again an hour later, and again at New York's 08:00
    clock.advance(Duration.ofHours(1));
    JsonNode retry = invoke(handler, WEEKLY);
    clock.advance(Duration.ofHours(5));
    JsonNode later = invoke(handler, WEEKLY);

    // THEN Berlin's digest went once, New York's once
    assertEquals(List.of("inbound-sales"), strings(retry.get("alreadySent")));
    assertEquals(List.of("enterprise"), strings(later.get("sent")));
    assertEquals(1, mailer.sentTo(INBOUND.managerEmail()).size());
    assertEquals(1, mailer.sentTo(ENTERPRISE.managerEmail()).size());
  }

  @Test
  void twoInvocationsAtOnce_sendTheDigestOnce() throws Exception {
    // GIVEN four deliveries of the same scheduled run racing each other
    List<JsonNode> results = AtOnce.times(4, i -> invoke(handler(mailer), WEEKLY));

    // THEN exactly one of them sent Berlin's digest
    assertEquals(1, mailer.sentTo(INBOUND.managerEmail()).size());
    assertEquals(1, results.stream().filter(r -> r.get("sent").size() == 1).count());
  }

  @Test
  void aFailedSend_releasesTheClaim_andTheNextHourlyRunSendsIt() throws Exception {
    // GIVEN SES refuses the first attempt
    AtomicInteger attempts = new AtomicInteger();
    Mailer flaky =
        email -> {
          if (attempts.incrementAndGet() == 1) {
            throw new IllegalStateException("Throttling: Maximum sending rate exceeded");
          }
          mailer.send(email);
        };
    JsonNode first = invoke(handler(flaky), WEEKLY);

    // WHEN the next run comes an hour later
    clock.advance(Duration.ofHours(1));
    JsonNode second = invoke(handler(flaky), WEEKLY);

    // THEN the first reported the failure, the second sent the digest
    assertTrue(first.get("failed").get(0).asText().startsWith("inbound-sales: Throttling"));
    assertEquals(List.of("inbound-sales"), strings(second.get("sent")));
    assertEquals(1, mailer.sentTo(INBOUND.managerEmail()).size());
  }

  @Test
  void anotherEvent_isRefusedWithWhatTheFunctionTakes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> invoke(handler(mailer), "{\"watchdog\": \"sweep\"}"));
    assertTrue(e.getMessage().contains("{\"digest\": \"weekly\"}"), e.getMessage());
    assertEquals(List.of(), mailer.sent());
  }

  private DigestHandler handler(Mailer mailer) {
    return new DigestHandler(
        new WeeklyDigest(() -> List.of(INBOUND, ENTERPRISE), facts, claims, mailer, clock));
  }

  private static JsonNode invoke(DigestHandler handler, String event) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
    return Json.MAPPER.readTree(out.toByteArray());
  }

  private static List<String> strings(JsonNode array) {
    return Json.MAPPER.convertValue(array, List.class);
  }
}
