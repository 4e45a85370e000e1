package com.leadhandoff.local.ui;

import static com.leadhandoff.local.ui.Fixtures.T0;
import static com.leadhandoff.local.ui.Fixtures.lead;
import static com.leadhandoff.local.ui.Fixtures.offer;
import static com.leadhandoff.local.ui.Fixtures.rep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.acknowledgement.Acknowledgement;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.local.ui.LeadViews.Now;
import com.leadhandoff.offer.OfferStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeadsBoardTest {
  private static final String BASE = "/_local";
  private static final Now AT_T0_PLUS_5 = new Now(T0.plus(Duration.ofMinutes(5)), 60);

  private final Pages pages = new Pages(BASE);

  private final Fixtures leads =
      new Fixtures()
          .add(
              lead("acc", "Ana", "Acme", LeadStatus.ACCEPTED, Optional.of(rep("ben"))),
              offer(
                  "acc",
                  1,
                  "emea",
                  "ben",
                  OfferStatus.ACCEPTED,
                  Optional.of(Duration.ofMinutes(3))))
          .add(
              lead("late", "Lou", "Late Co", LeadStatus.ACCEPTED, Optional.of(rep("cy"))),
              offer(
                  "late",
                  1,
                  "emea",
                  "ben",
                  OfferStatus.EXPIRED,
                  Optional.of(Duration.ofMinutes(15))),
              offer(
                  "late",
                  2,
                  "emea",
                  "cy",
                  OfferStatus.ACCEPTED,
                  Optional.of(Duration.ofMinutes(2))))
          .add(
              lead("open", "Olga", "Open Ltd", LeadStatus.ROUTING, Optional.empty()),
              offer("open", 1, "us", "dee", OfferStatus.OPEN, Optional.empty()))
          .add(lead("cold", "Cal", "Cold Inc", LeadStatus.NURTURE, Optional.empty()));

  @Test
  void board_showsEveryLeadWithOwnerScoreTimesAndSla() {
    Map<String, Object> model = LeadViews.board(leads.all(), LeadFilter.none(), AT_T0_PLUS_5, BASE);

    Map<String, String> sla = slaById(model);
    assertEquals(
        Map.of("acc", "met", "late", "breached", "open", "waiting", "cold", "no offer"), sla);
    Map<String, Object> accepted = row(model, "acc");
    assertEquals("BEN", accepted.get("owner"));
    assertEquals("80", accepted.get("score"));
    assertEquals("Hot", accepted.get("tier"));
    assertEquals("2026-11-23 09:00:00 UTC", accepted.get("offered"));
    assertEquals("2026-11-23 09:03:00 UTC", accepted.get("accepted"));
    assertEquals("BEN", row(model, "late").get("breachedBy"));
  }

  @Test
  void openOffer_countsDownToItsDeadline_andIsOverdueOncePassed() {
    String html =
        pages.render(
            "leads", "Leads", LeadViews.board(leads.all(), LeadFilter.none(), AT_T0_PLUS_5, BASE));

    // The deadline 09:15 in epoch millis, the runtime now 09:05, the clock's pace: ticking in JS.
    assertTrue(
        html.contains(
            "data-deadline=\""
                + T0.plus(Duration.ofMinutes(15)).toEpochMilli()
                + "\" data-now=\""
                + T0.plus(Duration.ofMinutes(5)).toEpochMilli()
                + "\" data-rate=\"60.0\">due 2026-11-23 09:15:00 UTC</time>"),
        html);

    Map<String, Object> later =
        LeadViews.board(
            leads.all(), LeadFilter.none(), new Now(T0.plus(Duration.ofMinutes(16)), 0), BASE);
    assertEquals("overdue", row(later, "open").get("sla"));
    assertFalse(row(later, "open").containsKey("countdown"));
  }

  @Test
  void filters_byStatusTeamAndRep_onTheServer() {
    assertEquals(
        List.of("acc", "late"),
        ids(filter(Optional.of("ACCEPTED"), Optional.empty(), Optional.empty())));
    assertEquals(
        List.of("open"), ids(filter(Optional.empty(), Optional.of("us"), Optional.empty())));
    // A rep's leads: offered to them (even if they let it expire) or owned by them.
    assertEquals(
        List.of("acc", "late"),
        ids(filter(Optional.empty(), Optional.empty(), Optional.of("ben"))));
    assertEquals(
        List.of("late"), ids(filter(Optional.empty(), Optional.empty(), Optional.of("cy"))));
    assertEquals(
        List.of(), ids(filter(Optional.of("NURTURE"), Optional.of("emea"), Optional.empty())));
  }

  @Test
  void filterChoices_keepTheChosenValueSelected() {
    String html =
        pages.render(
            "leads",
            "Leads",
            LeadViews.board(
                leads.all(),
                new LeadFilter(Optional.of("ROUTING"), Optional.of("us"), Optional.of("dee")),
                AT_T0_PLUS_5,
                BASE));

    assertTrue(html.contains("<option value=\"ROUTING\" selected>Routing</option>"), html);
    assertTrue(html.contains("<option value=\"us\" selected>us</option>"));
    assertTrue(html.contains("<option value=\"dee\" selected>DEE (dee)</option>"));
    assertTrue(html.contains("<option value=\"emea\">emea</option>"));
    assertTrue(html.contains("1 of 4 lead(s)"));
    assertTrue(html.contains("href=\"/_local/leads\">Clear filters"));
  }

  @Test
  void leadData_isEscapedOnTheBoardAndTheLeadPage() {
    Fixtures hostile =
        new Fixtures()
            .add(
                lead(
                    "x\"><img src=x onerror=alert(1)>",
                    "<script>alert('name')</script>",
                    "<b>Evil</b> & Co",
                    LeadStatus.ROUTING,
                    Optional.empty()),
                offer("x", 1, "<i>team</i>", "rep\"<", OfferStatus.OPEN, Optional.empty()))
            .history(
                "x",
                new HistoryEvent(
                    T0,
                    "OFFERED",
                    "Offered to <u>Eve</u>",
                    Map.of("reason", "<script>x</script>")));
    String board =
        pages.render(
            "leads",
            "Leads",
            LeadViews.board(hostile.all(), LeadFilter.none(), AT_T0_PLUS_5, BASE));
    Map<String, Object> lead =
        LeadViews.lead(hostile.all().get(0), hostile.history("x"), AT_T0_PLUS_5, BASE);
    String page = pages.render("lead", "Lead " + lead.get("name"), lead);

    for (String html : List.of(board, page)) {
      assertFalse(html.contains("<script>alert"), html);
      assertFalse(html.contains("<b>Evil"));
      assertFalse(html.contains("<img"));
      assertTrue(html.contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;"), html);
      assertTrue(html.contains("&lt;b&gt;Evil&lt;/b&gt; &amp; Co"));
    }
    assertTrue(
        board.contains("href=\"/_local/leads/x%22%3E%3Cimg+src%3Dx+onerror%3Dalert%281%29%3E\"")
            || board.contains(
                "href=\"/_local/leads/x%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E\""),
        board);
    assertTrue(page.contains("Offered to &lt;u&gt;Eve&lt;/u&gt;"));
    assertTrue(page.contains("<dd>&lt;script&gt;x&lt;/script&gt;</dd>"));
    assertTrue(page.contains("Senior &lt;decision&gt; maker"));
  }

  @Test
  void leadPage_isATimelineOfWhoWhatWhenWhy() {
    leads
        .history(
            "late",
            new HistoryEvent(
                T0, "OFFERED", "Offered to BEN: next in round robin", Map.of("repId", "ben")))
        .history(
            "late",
            new HistoryEvent(
                T0.plus(Duration.ofMinutes(15)),
                "OFFER_EXPIRED",
                "BEN did not answer within 15 minutes",
                Map.of("repName", "BEN")));
    String html =
        pages.render(
            "lead",
            "Lead",
            LeadViews.lead(
                leads.find("late").orElseThrow(), leads.history("late"), AT_T0_PLUS_5, BASE));

    assertTrue(
        html.contains(
            "<time datetime=\"2026-11-23T09:15:00Z\">2026-11-23 09:15:00 UTC</time> · Offer expired"),
        html);
    assertTrue(html.contains("<div>BEN did not answer within 15 minutes</div>"));
    assertTrue(html.contains("<dt>rep name</dt><dd>BEN</dd>"));
    assertTrue(html.indexOf("Offered to BEN") < html.indexOf("did not answer"));
    assertFalse(html.contains("eventId"));
  }

  @Test
  void leadPage_leavesOutTheAcknowledgementsRetryBookkeeping() {
    // GIVEN an ACKNOWLEDGED entry written with its email's claim, before the email went
    leads.history(
        "acc",
        new HistoryEvent(
            T0,
            "ACKNOWLEDGED",
            "Prospect acknowledged by email",
            Map.of("to", "ana@acme.example", Acknowledgement.WRITTEN_BEFORE_EMAIL, "true")));

    // WHEN the lead page is rendered
    String html =
        pages.render(
            "lead",
            "Lead",
            LeadViews.lead(
                leads.find("acc").orElseThrow(), leads.history("acc"), AT_T0_PLUS_5, BASE));

    // THEN the entry's details are shown without the marker a retry reads
    assertTrue(html.contains("<dt>to</dt><dd>ana@acme.example</dd>"), html);
    assertFalse(html.contains("written before email"), html);
  }

  @Test
  void outcome_isReadFromTheLeadStatus_notTheExecutionStatus() {
    assertEquals("accepted", LeadViews.outcome(leads.find("acc").map(r -> r.lead()), "SUCCEEDED"));
    assertEquals("nurtured", LeadViews.outcome(leads.find("cold").map(r -> r.lead()), "SUCCEEDED"));
    assertEquals(
        "in progress", LeadViews.outcome(leads.find("open").map(r -> r.lead()), "RUNNING"));
    assertEquals(
        "needs attention", LeadViews.outcome(leads.find("open").map(r -> r.lead()), "FAILED"));
    for (LeadStatus status :
        List.of(
            LeadStatus.ESCALATED,
            LeadStatus.MERGED,
            LeadStatus.QUEUED,
            LeadStatus.NEEDS_ATTENTION)) {
      assertEquals(
          status.name().toLowerCase().replace('_', ' '),
          LeadViews.outcome(
              Optional.of(lead("l", "L", "C", status, Optional.empty())), "SUCCEEDED"));
    }
    assertEquals("failed", LeadViews.outcome(Optional.empty(), "FAILED"));
  }

  private List<String> ids(Map<String, Object> model) {
    return rows(model).stream().map(r -> (String) r.get("id")).toList();
  }

  private Map<String, Object> filter(
      Optional<String> status, Optional<String> team, Optional<String> rep) {
    return LeadViews.board(leads.all(), new LeadFilter(status, team, rep), AT_T0_PLUS_5, BASE);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(Map<String, Object> model) {
    return (List<Map<String, Object>>) model.get("leads");
  }

  private static Map<String, Object> row(Map<String, Object> model, String id) {
    return rows(model).stream().filter(r -> id.equals(r.get("id"))).findFirst().orElseThrow();
  }

  private static Map<String, String> slaById(Map<String, Object> model) {
    return rows(model).stream()
        .collect(
            java.util.stream.Collectors.toMap(
                r -> (String) r.get("id"), r -> (String) r.get("sla")));
  }
}
