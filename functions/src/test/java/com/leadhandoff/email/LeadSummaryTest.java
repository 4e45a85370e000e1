package com.leadhandoff.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.scoring.Score;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeadSummaryTest {
  private static final Instant RECEIVED = Instant.parse("2026-11-23T10:05:09Z");

  private static Submission submission(String firstName, String lastName, String phone) {
    return new Submission(
        "dana@acme.example",
        firstName,
        lastName,
        "Acme",
        null,
        phone,
        "DE",
        null,
        " ",
        null,
        "demo",
        null,
        null,
        null,
        List.of());
  }

  @Test
  void onlyFilledInDetailsAreListed_inAStableOrder() {
    LeadSummary summary =
        LeadSummary.of(Lead.received("L1", RECEIVED, submission("Dana", "Prospect", "  ")));

    assertEquals(
        List.of(
            new LeadSummary.Detail("Email", "dana@acme.example"),
            new LeadSummary.Detail("Company", "Acme"),
            new LeadSummary.Detail("Country", "DE")),
        summary.contactDetails());
    assertNull(summary.phone());
    assertEquals("Dana", summary.greetingName());
    assertEquals("Dana Prospect", summary.name());
    assertEquals("Mon 23 Nov 2026, 10:05 UTC", summary.receivedAt());
  }

  @Test
  void prospectWithoutAName_isGreetedByEmail() {
    LeadSummary summary =
        LeadSummary.of(Lead.received("L1", RECEIVED, submission(null, null, null)));
    assertEquals("dana@acme.example", summary.greetingName());
  }

  @Test
  void scoreReasonsCarryTheirSign_andAnUnscoredLeadHasNoPoints() {
    Lead unscored = Lead.received("L1", RECEIVED, submission("Dana", null, null));
    assertNull(LeadSummary.of(unscored).points());

    Score score =
        new Score(
            55,
            Score.Tier.WARM,
            true,
            List.of(
                new Score.Reason("demo", "Asked for a demo", 40),
                new Score.Reason("free-mail", "Free email address", -10)));
    Lead scored =
        new Lead(
            "L1",
            RECEIVED,
            unscored.submission(),
            unscored.status(),
            Optional.of(score),
            Optional.empty());
    assertEquals(
        List.of(
            new LeadSummary.ReasonLine("Asked for a demo", "+40"),
            new LeadSummary.ReasonLine("Free email address", "-10")),
        LeadSummary.of(scored).reasons());
    assertEquals("WARM", LeadSummary.of(scored).tier());
  }
}
