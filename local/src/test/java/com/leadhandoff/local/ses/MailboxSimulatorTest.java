package com.leadhandoff.local.ses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SES mailbox simulator's addresses, as SES event publishing reports them on EventBridge. */
class MailboxSimulatorTest {
  private final MailboxSimulator simulator = new MailboxSimulator("000000000000", "us-east-1");

  private static SentEmail sent(String to, String configurationSet) {
    return new SentEmail(
        "m-1",
        "leads@example.com",
        List.of(to),
        List.of(),
        List.of(),
        List.of(),
        "s",
        "t",
        "",
        List.of(),
        Instant.parse("2026-11-23T09:00:00Z"),
        List.of(),
        List.of(),
        configurationSet,
        Map.of("leadId", "lead-1"));
  }

  @Test
  void bounceAddressWithALabel_throughAConfigurationSet_publishesEmailBounced() {
    List<ObjectNode> events =
        simulator.events(sent("Ben <bounce+ben@simulator.amazonses.com>", "lead-handoff"));
    assertEquals(1, events.size());
    ObjectNode e = events.get(0);
    assertEquals("Email Bounced", e.path("detail-type").asText());
    assertEquals("aws.ses", e.path("source").asText());
    assertEquals("Permanent", e.at("/detail/bounce/bounceType").asText());
    assertEquals(
        "bounce+ben@simulator.amazonses.com",
        e.at("/detail/bounce/bouncedRecipients/0/emailAddress").asText());
    assertEquals("lead-handoff", e.at("/detail/mail/tags/ses:configuration-set/0").asText());
    assertEquals("lead-1", e.at("/detail/mail/tags/leadId/0").asText());
    assertEquals("m-1", e.at("/detail/mail/messageId").asText());
  }

  @Test
  void complaintAddress_publishesEmailComplaintReceived() {
    ObjectNode e =
        simulator.events(sent("complaint@simulator.amazonses.com", "lead-handoff")).get(0);
    assertEquals("Email Complaint Received", e.path("detail-type").asText());
    assertEquals("Complaint", e.at("/detail/eventType").asText());
  }

  @Test
  void withoutAConfigurationSet_orToAnOrdinaryAddress_nothingIsPublished() {
    assertTrue(simulator.events(sent("bounce@simulator.amazonses.com", "")).isEmpty());
    assertTrue(simulator.events(sent("ben@sales.example.com", "lead-handoff")).isEmpty());
    assertTrue(simulator.events(sent("success@simulator.amazonses.com", "lead-handoff")).isEmpty());
  }
}
