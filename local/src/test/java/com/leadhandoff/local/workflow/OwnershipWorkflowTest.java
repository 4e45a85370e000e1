package com.leadhandoff.local.workflow;

import static com.leadhandoff.local.workflow.LeadHandoffRuntime.offerLink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.json.Json;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.ses.SentEmail;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ownership and duplicates through the real template, state machine and handlers on the virtual
 * clock, with the demo {@code config/accounts.yaml} (Analytical Engines belongs to Ben Okafor,
 * Globex to Farah Haddad, who is paused) and {@code config/directory.yaml}.
 */
class OwnershipWorkflowTest {
  private static final String BEN = "ben.okafor@sales.example.com";

  private LeadHandoffRuntime local;

  @BeforeEach
  void freshRun() {
    local = LeadHandoffRuntime.fresh();
  }

  @Test
  void secondSubmissionWhileTheFirstIsOwned_isMerged_theOwnerIsTold_andNobodyElseIsOffered() {
    String first = local.submit(lead("Pat", "Again", "pat.again@umbrella.example"));
    SentEmail offer = onlyOffer("Pat Again");
    String rep = offer.to().get(0);
    local.postForm(offerLink(offer) + "/accept", Map.of());
    local.settle();

    Map<String, Object> again = lead("Pat", "Again", "PAT.again@umbrella.example");
    again.put("formId", "contact-sales");
    again.put("message", "Also: what would 500 seats cost?");
    String second = local.submit(again);

    assertEquals(List.of("Take In Lead", "Merged"), local.statesEntered(second));
    assertEquals(ExecutionStatus.SUCCEEDED, local.execution(second).status());
    Lead merged = local.lead(second);
    assertEquals(LeadStatus.MERGED, merged.status());
    assertEquals(Optional.of(first), merged.mergedInto());
    assertEquals(1, local.mailAbout("New lead for you: Pat Again").size(), "no second offer");
    List<SentEmail> told = local.mailAbout("Submitted again: Pat Again");
    assertEquals(1, told.size());
    assertEquals(List.of(rep), told.get(0).to());
    assertTrue(told.get(0).text().contains("Also: what would 500 seats cost?"));
    HistoryEvent entry = event(first, "SUBMITTED_AGAIN");
    assertEquals(second, entry.details().get("mergedLeadId"));
    assertEquals("contact-sales", entry.details().get("formId"));
    assertEquals("Also: what would 500 seats cost?", entry.details().get("message"));
    assertEquals(LeadStatus.ACCEPTED, local.lead(first).status());
    // The prospect hears that the new submission joined their request, and who has it.
    List<SentEmail> thanks =
        local.mailTo("PAT.again@umbrella.example").stream()
            .filter(m -> m.text().contains("added it to the request you sent us earlier"))
            .toList();
    assertEquals(1, thanks.size(), "the merged submission is acknowledged once");
    String owner = local.lead(first).owner().orElseThrow().name();
    assertTrue(thanks.get(0).text().contains(owner + ", who is already"), thanks.get(0).text());
    assertFalse(thanks.get(0).text().contains("will contact you by"), "no second response time");
  }

  @Test
  void secondSubmissionWhileTheFirstIsOffered_tellsTheRepHoldingTheOffer_andReachesTheAccepter() {
    String first = local.submit(lead("Quinn", "Pending", "quinn.pending@hooli.example"));
    SentEmail offer = onlyOffer("Quinn Pending");
    Map<String, Object> again = lead("Quinn", "Pending", "quinn.pending@hooli.example");
    again.put("formId", "contact-sales");
    again.put("message", "Is Thursday possible?");

    String second = local.submit(again);
    local.postForm(offerLink(offer) + "/accept", Map.of());
    local.settle();

    assertEquals(LeadStatus.MERGED, local.lead(second).status());
    SentEmail told = local.mailAbout("Submitted again: Quinn Pending").get(0);
    assertEquals(offer.to(), told.to());
    assertTrue(told.text().contains("waits for your answer"), told.text());
    SentEmail owned = local.mailAbout("You own this lead: Quinn Pending").get(0);
    assertTrue(owned.text().contains("SUBMITTED AGAIN WHILE THE LEAD WAS OPEN"), owned.text());
    assertTrue(owned.text().contains("Is Thursday possible?"), owned.text());
    assertEquals(first, local.lead(second).mergedInto().orElseThrow());
  }

  @Test
  void twentySubmissionsAtOnce_onTwentyForms_becomeOneHandoff_andNineteenMerged() throws Exception {
    // GIVEN one prospect whose form tool posts to twenty forms at the same moment
    List<Map<String, Object>> posts = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      Map<String, Object> post =
          lead(
              "Ray",
              "Burst",
              i % 2 == 0 ? "ray.burst@initech.example" : "Ray.Burst@initech.example");
      post.put("formId", "form-" + i);
      posts.add(post);
    }

    // WHEN all twenty are posted at once
    List<String> leadIds = atOnce(posts);
    local.settle();

    // THEN one lead is handed off: one offer, to one rep
    List<String> handedOff =
        leadIds.stream().filter(id -> local.lead(id).status() != LeadStatus.MERGED).toList();
    assertEquals(1, handedOff.size(), "handed off: " + handedOff);
    String holder = handedOff.get(0);
    assertEquals(LeadStatus.ROUTING, local.lead(holder).status());
    onlyOffer("Ray Burst");
    assertTrue(local.statesEntered(holder).contains("Offer To Rep"));
    // AND the other nineteen are merged into it, each ending in Merged, each in its history once
    for (String id : leadIds) {
      if (!id.equals(holder)) {
        assertEquals(Optional.of(holder), local.lead(id).mergedInto());
        assertEquals(List.of("Take In Lead", "Merged"), local.statesEntered(id));
        assertEquals(ExecutionStatus.SUCCEEDED, local.execution(id).status());
      }
    }
    assertEquals(
        19,
        local.leadHistory(holder).stream().filter(e -> e.type().equals("SUBMITTED_AGAIN")).count());
    // AND the rep who accepts it owns the one lead; a later submission still merges into it
    local.postForm(offerLink(onlyOffer("Ray Burst")) + "/accept", Map.of());
    local.settle();
    Map<String, Object> later = lead("Ray", "Burst", "ray.burst@initech.example");
    later.put("formId", "form-21");
    assertEquals(Optional.of(holder), local.lead(local.submit(later)).mergedInto());
    assertEquals(1, local.mailAbout("New lead for you: Ray Burst").size());
  }

  @Test
  void leadFromANamedAccount_goesFirstToTheAccountOwner_beforeTheRoutingRules() {
    Map<String, Object> big = lead("Ivy", "Account", "ivy.account@analytical-engines.example");
    big.put("companySize", 5000); // the rules alone would send it to Enterprise

    String leadId = local.submit(big);

    SentEmail offer = onlyOffer("Ivy Account");
    assertEquals(List.of(BEN), offer.to());
    assertTrue(
        offer
            .text()
            .contains(
                "you own the company: owner of account Analytical Engines"
                    + " (analytical-engines.example)"),
        offer.text());
    HistoryEvent routed = event(leadId, "ROUTED");
    assertEquals(
        "owner of account Analytical Engines (analytical-engines.example)",
        routed.details().get("ownership"));
    assertEquals("inbound-sales", routed.details().get("teamId"));
    assertFalse(routed.details().containsKey("turn"), "no round-robin turn taken");
  }

  @Test
  void accountOwnerPaused_isPassedOverWithTheReason_andTheRulesRouteTheLead() {
    String leadId = local.submit(lead("Gus", "Globex", "gus.globex@globex.example"));

    SentEmail offer = onlyOffer("Gus Globex");
    assertFalse(offer.to().contains("farah.haddad@sales.example.com"));
    HistoryEvent routed = event(leadId, "ROUTED");
    assertTrue(
        routed
            .summary()
            .contains(
                "not first to Farah Haddad (owner of account Globex (globex.example)): paused"),
        routed.summary());
    assertEquals("core-regions", routed.details().get("rule"));
  }

  @Test
  void colleagueOfAnOwnedOpenLead_goesFirstToItsOwner() {
    String first = local.submit(lead("Kim", "Colleague", "kim.colleague@wonka.example"));
    SentEmail offer = onlyOffer("Kim Colleague");
    local.postForm(offerLink(offer) + "/accept", Map.of());
    local.settle();
    String owner = offer.to().get(0);

    String second = local.submit(lead("Lou", "Colleague", "lou.colleague@wonka.example"));

    assertEquals(List.of(owner), onlyOffer("Lou Colleague").to());
    assertEquals(
        "owns open lead " + first + " at wonka.example",
        event(second, "ROUTED").details().get("ownership"));
    assertEquals(LeadStatus.ROUTING, local.lead(second).status(), "a colleague is not merged");
  }

  /** Posts every lead to intake on its own thread, all released together; their lead ids. */
  private List<String> atOnce(List<Map<String, Object>> posts) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(posts.size());
    try {
      CountDownLatch ready = new CountDownLatch(posts.size());
      CountDownLatch go = new CountDownLatch(1);
      List<Future<LeadHandoffRuntime.Response>> answers = new ArrayList<>();
      for (Map<String, Object> post : posts) {
        Callable<LeadHandoffRuntime.Response> send =
            () -> {
              ready.countDown();
              go.await();
              return local.postJson("/leads", Json.MAPPER.valueToTree(post).toString());
            };
        answers.add(pool.submit(send));
      }
      ready.await();
      go.countDown();
      List<String> leadIds = new ArrayList<>();
      for (Future<LeadHandoffRuntime.Response> answer : answers) {
        LeadHandoffRuntime.Response response = answer.get();
        assertEquals(202, response.status(), response.body());
        leadIds.add(response.json().get("leadId").asText());
      }
      assertEquals(posts.size(), Set.copyOf(leadIds).size(), "twenty leads stored");
      return leadIds;
    } finally {
      pool.shutdownNow();
    }
  }

  private HistoryEvent event(String leadId, String type) {
    List<HistoryEvent> events =
        local.leadHistory(leadId).stream().filter(e -> e.type().equals(type)).toList();
    assertEquals(1, events.size(), () -> local.leadHistory(leadId).toString());
    return events.get(0);
  }

  private SentEmail onlyOffer(String name) {
    List<SentEmail> offers = local.mailAbout("New lead for you: " + name);
    assertEquals(1, offers.size(), "offer emails so far: " + offers);
    return offers.get(0);
  }

  /** A hot demo request from Germany, mid-size: the rules send it to Inbound Sales. */
  private static Map<String, Object> lead(String firstName, String lastName, String email) {
    Map<String, Object> lead = new LinkedHashMap<>();
    lead.put("email", email);
    lead.put("firstName", firstName);
    lead.put("lastName", lastName);
    lead.put("company", lastName + " Inc");
    lead.put("jobTitle", "VP Operations");
    lead.put("country", "DE");
    lead.put("companySize", 250);
    lead.put("industry", "Manufacturing");
    lead.put("formId", "demo-request");
    lead.put("pagesViewed", List.of("/pricing"));
    lead.put("message", "Can we see a demo next week?");
    return lead;
  }
}
