package com.leadhandoff.local.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.ses.SentEmail;
import com.leadhandoff.local.ui.HeadlessChromium;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every page of the local UI in a real headless Chromium, at a desktop and a phone width: nothing
 * sticks out sideways, tables turn into cards on the phone, lead data cannot run script, and the
 * open offer's countdown ticks. Screenshots land in {@code local/target/ui-screenshots/}.
 */
class LocalUiInBrowserTest {
  private static final Path SHOTS = Path.of("target", "ui-screenshots");

  // The runtime outlives a test, and a second lead from the same prospect would be merged.
  private static int walk;

  private final LeadHandoffRuntime local = LeadHandoffRuntime.fresh();
  private final List<String> pages = new ArrayList<>();

  @BeforeEach
  void leads() {
    String walker = "Walk" + (char) ('a' + walk++);
    // One lead accepted, one waiting for its rep, one whose data tries to run script.
    local.submit(LeadHandoffRuntime.demoRequest("Browser" + walker));
    SentEmail offer =
        local.runtime.outbox().newestFirst().stream()
            .filter(e -> e.subject().contains("Browser" + walker))
            .findFirst()
            .orElseThrow();
    assertEquals(
        200, local.postForm(LeadHandoffRuntime.offerLink(offer) + "/accept", Map.of()).status());
    local.settle();
    local.submit(LeadHandoffRuntime.demoRequest("Waiting" + walker));
    Map<String, Object> hostile = LeadHandoffRuntime.demoRequest("Hostile" + walker);
    hostile.put("firstName", "<img src=x onerror=\"window.pwned=1\">");
    hostile.put(
        "company", "<script>window.pwned=2</script>Very Long Company Name Without Spaces Inc");
    local.submit(hostile);

    String leadsPage = local.get("/_local/leads").body();
    String executions = local.get("/_local/executions").body();
    pages.addAll(
        List.of(
            "/_local/",
            "/_local/demo",
            "/_local/leads",
            "/_local/leads?status=ACCEPTED",
            first(leadsPage, "href=\"(/_local/leads/lead-[^\"]+)\""),
            "/_local/mail",
            "/_local/executions",
            first(executions, "href=\"(/_local/execution\\?arn[^\"]+)\"").replace("&#x3D;", "="),
            "/_local/reps",
            "/_local/reports",
            "/_local/reports?groupBy=rep"));
  }

  @Test
  void everyPage_fitsDesktopAndPhoneWidths_withoutRunningLeadData() {
    Map<String, String> overflowing = new LinkedHashMap<>();
    for (int width : List.of(1280, 390)) {
      try (HeadlessChromium browser = HeadlessChromium.start(width, 900)) {
        for (String page : pages) {
          browser.open(local.runtime.baseUrl() + page);
          // On the phone, a page lays out at the device's width only with a viewport meta tag, and
          // a phone zooms out (a wider window) to show a page that overflows.
          assertEquals(width, browser.run("return window.innerWidth").asInt(), page + " viewport");
          String name = width + page.replaceAll("[^A-Za-z0-9]+", "-");
          byte[] png = browser.screenshot(SHOTS.resolve(name + ".png"));
          assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', name);
          if (!browser.fitsWidth()) {
            overflowing.put(
                name, browser.run("return document.documentElement.scrollWidth").asText());
          }
          assertTrue(
              browser.run("return window.pwned === undefined").asBoolean(),
              "lead data ran as script on " + page);
        }
      }
    }
    assertEquals(Map.of(), overflowing, "pages wider than the window (page → scroll width)");
  }

  @Test
  void phoneWidth_stacksTableRowsIntoCards_andTheOpenOfferCountsDown() {
    try (HeadlessChromium browser = HeadlessChromium.start(390, 900)) {
      browser.open(local.runtime.baseUrl() + "/_local/leads");

      assertEquals(
          "block",
          browser
              .run(
                  "return getComputedStyle(document.querySelector('table.stack tbody tr')).display")
              .asText());
      String countdown =
          browser
              .run("var c = document.querySelector('time.countdown'); return c && c.textContent")
              .asText();
      assertTrue(
          countdown.endsWith("left"), "the countdown replaced the deadline text: " + countdown);
      assertFalse(
          browser.run("return document.body.innerHTML").asText().contains("<script>window.pwned"));
    }
    try (HeadlessChromium browser = HeadlessChromium.start(1280, 900)) {
      browser.open(local.runtime.baseUrl() + "/_local/leads");
      assertEquals(
          "table-row",
          browser
              .run(
                  "return getComputedStyle(document.querySelector('table.stack tbody tr')).display")
              .asText());
    }
  }

  @Test
  void reportsPage_loadsItsThreeCharts_atDesktopAndPhoneWidths_withoutOverflow() {
    for (int width : List.of(1280, 390)) {
      try (HeadlessChromium browser = HeadlessChromium.start(width, 900)) {
        // WHEN the Reports page of the last 28 days (the leads of this test among them) opens
        browser.open(local.runtime.baseUrl() + "/_local/reports");

        // THEN its three charts are decoded images, drawn no wider than the window
        assertEquals(
            3, browser.run("return document.querySelectorAll('figure.chart img').length").asInt());
        assertTrue(
            browser
                .run(
                    "return Array.from(document.querySelectorAll('figure.chart img'))"
                        + ".every(i => i.complete && i.naturalWidth === 560)")
                .asBoolean(),
            "every chart loaded at " + width);
        assertTrue(
            browser
                .run(
                    "return Array.from(document.querySelectorAll('figure.chart img'))"
                        + ".every(i => i.getBoundingClientRect().right <= window.innerWidth)")
                .asBoolean(),
            "every chart fits the window at " + width);
        assertTrue(browser.fitsWidth(), "no horizontal overflow at " + width);
        // AND the report counts this test's leads: the total row has some
        assertTrue(
            browser
                    .run(
                        "return document.querySelector('tr.total td[data-label=Leads]').textContent")
                    .asInt()
                >= 3);
        browser.screenshot(SHOTS.resolve(width + "-reports-charts.png"));
      }
    }
  }

  private static String first(String html, String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    assertTrue(m.find(), regex + " in " + html);
    return m.group(1);
  }
}
