package com.leadhandoff.local.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.ses.SentEmail;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Leads board, a lead's timeline and the executions list, read from the product's tables. */
class LeadsBoardEndToEndTest {
  private final LeadHandoffRuntime local = LeadHandoffRuntime.fresh();

  @Test
  void acceptedLead_isOnTheBoardAsMet_withItsTimeline_andItsExecutionReadsAccepted() {
    String leadId = local.submit(LeadHandoffRuntime.demoRequest("Boardwalk"));
    SentEmail offer =
        local.runtime.outbox().newestFirst().stream()
            .filter(e -> e.subject().contains("Boardwalk"))
            .findFirst()
            .orElseThrow();
    String waiting = local.get("/_local/leads?status=ROUTING").body();
    assertTrue(waiting.contains("/_local/leads/" + leadId), "the open lead is routing");
    assertTrue(waiting.contains("class=\"countdown\""), "its offer counts down");

    assertEquals(
        200, local.postForm(LeadHandoffRuntime.offerLink(offer) + "/accept", Map.of()).status());
    local.settle();

    String accepted = local.get("/_local/leads?status=ACCEPTED").body();
    assertTrue(accepted.contains("/_local/leads/" + leadId));
    assertTrue(accepted.contains("<span class=\"sla sla-met\">met</span>"), accepted);
    assertFalse(local.get("/_local/leads?status=ROUTING").body().contains(leadId));

    LeadHandoffRuntime.Response page = local.get("/_local/leads/" + leadId);
    assertEquals(200, page.status());
    assertTrue(page.body().contains("· Offered</div>"), page.body());
    assertTrue(page.body().contains("<ol class=\"timeline\">"));

    String executions = local.get("/_local/executions").body();
    int row = executions.indexOf(">" + leadId + "</a>");
    assertTrue(row > 0, executions);
    assertTrue(
        executions.indexOf("<span class=\"outcome outcome-accepted\">accepted</span>", row) > row);
    assertEquals(404, local.get("/_local/leads/lead-nobody").status());
  }
}
