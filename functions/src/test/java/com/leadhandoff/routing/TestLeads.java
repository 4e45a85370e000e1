package com.leadhandoff.routing;

import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.Submission;
import java.time.Instant;
import java.util.List;

/** The lead the routing tests route: a CTO in Germany asking for a demo, unscored. */
final class TestLeads {
  private TestLeads() {}

  /** The lead as intake stores it, from a company of {@code companySize} employees. */
  static Lead demoRequest(String leadId, Instant receivedAt, int companySize) {
    return Lead.received(
        leadId,
        receivedAt,
        new Submission(
            "jo.doe@prospect.example",
            "Jo",
            "Doe",
            "Prospect Ltd",
            "CTO",
            null,
            "DE",
            companySize,
            "Software",
            "We would like a demo",
            "demo-request",
            null,
            null,
            null,
            List.of()));
  }
}
