package com.leadhandoff.deliverability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.email.Email;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.routing.DirectoryConfig;
import com.leadhandoff.routing.DirectorySeeder;
import com.leadhandoff.store.DynamoDirectory;
import com.leadhandoff.store.DynamoLeadFlags;
import com.leadhandoff.store.DynamoLeadHistory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoRepAdminStore;
import com.leadhandoff.testing.Fixtures;
import com.leadhandoff.testing.MutableClock;
import com.leadhandoff.testing.RecordingMailer;
import com.leadhandoff.testing.TestDynamo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** SES bounce and complaint events, from the {@code events/} fixtures, against the test engine. */
class EmailFeedbackHandlerTest {
  private static final String LEAD = "0193a5c2-7e41-7b3a-9c55-2f8e1d6a4b10";

  private final Map<String, String> tables = TestDynamo.tables();
  private final DynamoDirectory directory =
      new DynamoDirectory(TestDynamo.client(), tables.get("TeamsTable"), tables.get("RepsTable"));
  private final DynamoLeadHistory history =
      new DynamoLeadHistory(TestDynamo.client(), tables.get("HistoryTable"));
  private final DynamoLeadStore leads =
      new DynamoLeadStore(TestDynamo.client(), tables.get("LeadsTable"));
  private final RecordingMailer mailer = new RecordingMailer();
  private final EmailFeedbackHandler handler =
      new EmailFeedbackHandler(
          new EmailFeedbackHandling(
              new DynamoRepAdminStore(
                  TestDynamo.client(), tables.get("TeamsTable"), tables.get("RepsTable")),
              history,
              new DynamoLeadFlags(TestDynamo.client(), tables.get("LeadsTable")),
              mailer,
              "fallback@example.com",
              new MutableClock(Instant.parse("2026-11-23T09:03:00Z"))));

  EmailFeedbackHandlerTest() {
    new DirectorySeeder(directory, directory::save, directory::save)
        .seed(DirectoryConfig.bundled());
  }

  private String invoke(String json) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(json.getBytes(UTF_8)), out, null);
    return out.toString(UTF_8);
  }

  @Test
  void bounceOfARepsAddress_pausesTheRep_andAlertsTheTeamManager() throws IOException {
    // GIVEN Ben, active, in Morgan Lee's inbound-sales team
    assertFalse(directory.rep("ben-okafor").orElseThrow().paused());
    // WHEN SES reports his address bounced, and EventBridge delivers the event twice
    String result = invoke(Fixtures.event("email-feedback-bounce.json"));
    invoke(Fixtures.event("email-feedback-bounce.json"));
    // THEN he is out of the rotation, and Morgan is told why and how to undo it
    assertTrue(directory.rep("ben-okafor").orElseThrow().paused(), result);
    List<Email> alerts = mailer.sentTo("morgan.lee@sales.example.com");
    assertEquals(1, alerts.size(), "one alert, not one per delivery: " + mailer.sent());
    assertTrue(alerts.get(0).subject().startsWith("Ben Okafor was taken out of the lead rotation"));
    assertTrue(alerts.get(0).text().contains("Permanent/General"), alerts.get(0).text());
  }

  @Test
  void complaintFromAProspect_flagsTheLead_andRecordsItOnce() throws IOException {
    // GIVEN the lead the complained-about email was tagged with
    leads.create(
        Lead.received(
            LEAD,
            Instant.parse("2026-11-23T10:14:00Z"),
            new Submission(
                "dana.prospect@acme.example",
                "Dana",
                "Prospect",
                "Acme",
                null,
                null,
                "DE",
                null,
                null,
                null,
                "demo-request",
                null,
                null,
                null,
                List.of())));
    // WHEN the complaint arrives, twice (EventBridge delivers at least once)
    invoke(Fixtures.event("email-feedback-complaint.json"));
    invoke(Fixtures.event("email-feedback-complaint.json"));
    // THEN the lead carries the flag and one history entry, and nobody is paused or mailed
    Map<String, AttributeValue> item =
        TestDynamo.client()
            .getItem(
                r ->
                    r.tableName(tables.get("LeadsTable"))
                        .key(Map.of("leadId", AttributeValue.fromS(LEAD))))
            .item();
    assertEquals("2026-11-23T09:03:00Z", item.get("prospectEmailComplained").s());
    List<HistoryEvent> entries =
        history.of(LEAD).stream()
            .filter(e -> e.type().equals(EmailFeedbackHandling.PROSPECT_EMAIL_FAILED))
            .toList();
    assertEquals(1, entries.size());
    assertEquals("COMPLAINT", entries.get(0).details().get("kind"));
    assertTrue(mailer.sent().isEmpty());
  }

  @Test
  void eventThatIsNotABounceOrComplaint_isRefusedWithTheReason() {
    String delivery =
        Fixtures.event("email-feedback-bounce.json").replace("\"Bounce\"", "\"Delivery\"");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> invoke(delivery));
    assertTrue(e.getMessage().contains("detail.eventType is 'Delivery'"), e.getMessage());
  }
}
