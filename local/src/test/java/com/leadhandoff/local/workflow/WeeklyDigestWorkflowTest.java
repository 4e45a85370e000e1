package com.leadhandoff.local.workflow;

import static com.leadhandoff.local.workflow.LeadHandoffRuntime.demoRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.ses.SentAttachment;
import com.leadhandoff.local.ses.SentEmail;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The weekly digest as the local runtime runs it from the template: the hourly schedule on the
 * virtual clock, the real function, the local SES endpoint and outbox.
 */
class WeeklyDigestWorkflowTest {
  private static final String BERLIN_MANAGER = "morgan.lee@sales.example.com";
  private static final String NEW_YORK_MANAGER = "priya.shah@sales.example.com";

  @Test
  void digest_landsInTheOutboxAtMondayEightOnEachTeamsCalendar_once() throws Exception {
    // GIVEN a lead offered to the Berlin team this week
    LeadHandoffRuntime local = LeadHandoffRuntime.fresh();
    local.submit(demoRequest("Digest"));
    Instant berlinEight = nextMondayEight(local.clock.now(), ZoneId.of("Europe/Berlin"));
    Instant newYorkEight = nextMondayEight(local.clock.now(), ZoneId.of("America/New_York"));

    // WHEN the virtual clock reaches one minute before Monday 08:00 in Berlin
    local.advance(Duration.between(local.clock.now(), berlinEight.minusSeconds(60)));
    local.runtime.outbox().clear();
    // THEN no digest yet
    assertEquals(List.of(), digests(local, BERLIN_MANAGER));

    // WHEN it reaches 08:00 in Berlin
    local.advance(Duration.ofSeconds(60));

    // THEN the Berlin manager's digest is in the outbox, sent at that virtual instant, with the
    // week's lead counted, a text part and the chart inline
    List<SentEmail> berlin = digests(local, BERLIN_MANAGER);
    assertEquals(1, berlin.size());
    SentEmail digest = berlin.get(0);
    assertEquals(berlinEight, digest.sentAt());
    assertTrue(digest.subject().contains("Inbound Sales"), digest.subject());
    assertTrue(digest.text().contains("Leads offered to the team:"), digest.text());
    assertTrue(digest.html().contains("src=\"cid:compliance-by-week\""));
    SentAttachment chart = digest.attachments().get(0);
    assertTrue(chart.inline());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.data()));
    assertEquals(560, image.getWidth());
    // AND New York's manager has none yet
    assertEquals(List.of(), digests(local, NEW_YORK_MANAGER));

    // WHEN the clock reaches 08:00 in New York, and runs on through the day
    local.advance(Duration.between(local.clock.now(), newYorkEight));
    assertEquals(newYorkEight, digests(local, NEW_YORK_MANAGER).get(0).sentAt());
    local.advance(Duration.ofHours(3));

    // THEN each manager got exactly one digest that Monday
    assertEquals(1, digests(local, BERLIN_MANAGER).size());
    assertEquals(1, digests(local, NEW_YORK_MANAGER).size());
    // AND the outbox page lists the chart as an inline attachment and shows it as an image
    String page = local.get("/_local/mail").body();
    assertTrue(page.contains("compliance-by-week.png"), "the attachment is listed");
    assertTrue(page.contains("data:image/png;base64,"), "the chart is shown in the HTML part");
  }

  private static List<SentEmail> digests(LeadHandoffRuntime local, String manager) {
    return local.mailTo(manager).stream()
        .filter(m -> m.subject().startsWith("Weekly lead digest"))
        .toList();
  }

  private static Instant nextMondayEight(Instant now, ZoneId zone) {
    ZonedDateTime local = now.atZone(zone);
    ZonedDateTime monday =
        local
            .toLocalDate()
            .with(TemporalAdjusters.next(DayOfWeek.MONDAY))
            .atTime(LocalTime.of(8, 0))
            .atZone(zone);
    return monday.toInstant();
  }
}
