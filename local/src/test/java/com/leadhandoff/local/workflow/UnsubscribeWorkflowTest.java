package com.leadhandoff.local.workflow;

import static com.leadhandoff.local.workflow.LeadHandoffRuntime.demoRequest;
import static com.leadhandoff.local.workflow.LeadHandoffRuntime.email;
import static com.leadhandoff.local.workflow.LeadHandoffRuntime.offerLink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.ses.SentEmail;
import com.leadhandoff.local.workflow.LeadHandoffRuntime.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 8058 one-click unsubscribe over HTTP on the local runtime: the prospect's emails carry the
 * headers, the link's POST unsubscribes, and the rep's introduction is then held back.
 */
class UnsubscribeWorkflowTest {
  private LeadHandoffRuntime local;

  @BeforeEach
  void freshRun() {
    local = LeadHandoffRuntime.fresh();
  }

  @Test
  void oneClickPostOnTheAcknowledgement_holdsBackTheRepsIntroduction() {
    // GIVEN a hot lead whose acknowledgement carries the one-click headers
    String leadId = local.submit(demoRequest("Quiet"));
    SentEmail ack = local.mailTo(email("Quiet")).get(0);
    assertEquals(
        java.util.Optional.of("List-Unsubscribe=One-Click"), ack.header("List-Unsubscribe-Post"));
    String link = ack.header("List-Unsubscribe").orElseThrow().replaceAll("^<|>$", "");
    assertTrue(ack.links().contains(link), "the same link is in the body");

    // WHEN a GET (a mail scanner) and then the mailbox's one-click POST reach it
    assertEquals(200, local.get(link).status());
    Response posted = local.postForm(link, Map.of("List-Unsubscribe", "One-Click"));
    assertEquals(200, posted.status(), posted.body());
    assertTrue(posted.body().contains("You are unsubscribed"), posted.body());

    // AND the rep accepts the lead
    SentEmail offer = local.mailAbout("New lead for you: Dana Quiet").get(0);
    assertEquals(200, local.postForm(offerLink(offer) + "/accept", Map.of()).status());
    local.settle();

    // THEN the prospect got nothing more, and the history says why
    List<SentEmail> toProspect = local.mailTo(email("Quiet"));
    assertEquals(1, toProspect.size(), "only the acknowledgement");
    assertTrue(
        local.leadHistory(leadId).stream()
            .anyMatch(
                e ->
                    e.type().equals("PROSPECT_INTRODUCED")
                        && e.summary().startsWith("Did not introduce")
                        && e.summary().contains("not sent: the prospect unsubscribed")),
        local.leadHistory(leadId).toString());
    // AND the rep is told to contact them personally
    SentEmail confirmation = local.mailAbout("You own this lead: Dana Quiet").get(0);
    assertTrue(
        confirmation.text().contains("unsubscribed from our sales emails"), confirmation.text());
  }
}
