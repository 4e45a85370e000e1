package com.leadhandoff.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.email.Email;
import com.leadhandoff.email.EmailTemplates;
import com.leadhandoff.lead.Lead;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OfferEmailTest {
  private static final String LINK =
      "https://leads.example.com/offers/" + OfferScenario.FIXTURE_TOKEN;

  private static Offer offer() {
    return new Offer(
        OfferScenario.LEAD_ID,
        "001",
        1,
        "emea",
        "rep-ana",
        "Ana Ruiz",
        "ana.ruiz@example.com",
        "hash",
        "task-token",
        Instant.parse("2026-11-23T10:00:00Z"),
        Instant.parse("2026-11-23T10:15:00Z"),
        OfferStatus.OPEN,
        Optional.empty(),
        Optional.empty());
  }

  private static Email render(Lead lead) {
    Map<String, Object> model = new HashMap<>(OfferSummary.of(lead, offer()));
    model.put("link", LINK);
    return EmailTemplates.render("offer", "ana.ruiz@example.com", model);
  }

  @Test
  void leadValues_areEscapedInTheHtmlPart_andRawInTheText() {
    Email email = render(OfferScenario.lead("<script>alert(1)</script> Corp"));

    assertFalse(email.html().contains("<script>"), email.html());
    assertTrue(email.html().contains("&lt;script&gt;alert(1)&lt;/script&gt; Corp"));
    assertTrue(email.html().contains("40 depots &amp; &lt;b&gt;fast&lt;/b&gt;."));
    assertTrue(email.text().contains("<script>alert(1)</script> Corp"));
    assertTrue(email.subject().contains("<script>alert(1)</script> Corp"));
  }

  @Test
  void link_isInBothParts() {
    Email email = render(OfferScenario.lead("Acme"));

    assertTrue(email.text().contains(LINK));
    assertTrue(email.html().contains("href=\"" + LINK + "\""));
  }

  @Test
  void email_showsTheLead_theScoreAndEveryReason_theInterest_andTheDeadline() {
    Email email = render(OfferScenario.lead("Acme"));

    assertEquals(
        "New lead for you: Jane Doe (Acme) · Hot 82 · answer by Mon 23 Nov 2026, 10:15 UTC",
        email.subject());
    for (String part : new String[] {email.text(), email.html()}) {
      for (String expected :
          new String[] {
            "Jane Doe",
            "Head of Operations",
            "250 employees",
            "Logistics",
            "GB",
            "jane.doe@acme.test",
            "+44 20 7946 0000",
            "82/100",
            "Hot",
            "+30",
            "Asked for a demo",
            "+20",
            "Company of 200 to 1,000 employees",
            "+25",
            "Head-level job title",
            "-10",
            "Uses a free email domain",
            "demo-request",
            "q4-logistics",
            "linkedin",
            "/pricing",
            "/customers/fleetco",
            "15 minutes",
            "Mon 23 Nov 2026, 10:15 UTC"
          }) {
        assertTrue(part.contains(expected), "missing " + expected + " in:\n" + part);
      }
    }
    assertFalse(email.text().contains("task-token"));
    assertFalse(email.html().contains("task-token"));
  }

  @Test
  void emptyOptionalFields_leaveNoEmptyLines() {
    Lead bare = OfferScenario.lead(null);
    Lead lead =
        new Lead(
            bare.leadId(),
            bare.receivedAt(),
            new com.leadhandoff.lead.Submission(
                "sam@example.org",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null),
            bare.status(),
            Optional.empty(),
            Optional.empty());

    Email email = render(lead);

    assertEquals(
        "New lead for you: sam@example.org · answer by Mon 23 Nov 2026, 10:15 UTC",
        email.subject());
    assertFalse(email.text().contains("Company:"));
    assertFalse(email.text().contains("SCORE"));
    assertFalse(email.text().contains("INTEREST"));
    assertTrue(email.text().contains("Email:        sam@example.org"));
  }
}
