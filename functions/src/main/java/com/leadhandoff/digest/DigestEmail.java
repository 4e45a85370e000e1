package com.leadhandoff.digest;

import com.leadhandoff.email.Email;
import com.leadhandoff.email.EmailTemplates;
import com.leadhandoff.email.InlineImage;
import com.leadhandoff.report.Funnel;
import com.leadhandoff.report.GroupRow;
import com.leadhandoff.report.charts.ChartSize;
import com.leadhandoff.report.charts.Charts;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The digest as an email: template {@code digest} (text and HTML parts, the HTML a single-column
 * table a phone shows at its width) and the compliance-by-week chart inline as a PNG.
 */
public final class DigestEmail {
  /** The Content-ID the HTML part shows the chart by. */
  public static final String CHART_ID = "compliance-by-week";

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

  private DigestEmail() {}

  /** The email to the team's manager. */
  public static Email of(DigestContent digest) {
    GroupRow row = digest.row();
    Map<String, Object> model = new HashMap<>();
    model.put("managerName", digest.team().managerName());
    model.put("teamName", digest.team().name());
    model.put("zone", digest.team().zone().getId());
    model.put("from", DAY.format(digest.week().monday()));
    model.put("to", DAY.format(digest.week().monday().plusDays(6)));
    model.put("leads", row.leads());
    model.put("noLeads", row.leads() == 0);
    model.put("acceptedWithinSla", row.acceptedWithinSla());
    model.put("compliance", percent(row.shareAcceptedWithinSla()));
    model.put(
        "p50", row.p50WorkingSecondsToAccept().map(s -> words(Duration.ofSeconds(s))).orElse("-"));
    model.put(
        "p90", row.p90WorkingSecondsToAccept().map(s -> words(Duration.ofSeconds(s))).orElse("-"));
    model.put("breaches", row.breaches());
    model.put("escalations", row.escalations());
    model.put("slowest", slowest(digest.slowest()));
    model.put("breachesByRep", entries(digest.breachesByRep()));
    model.put("declines", entries(row.declinesByReason()));
    model.put("stages", stages(row.funnel()));
    model.put(
        "trend",
        digest.trend().stream()
            .map(
                w ->
                    Map.of(
                        "week",
                        w.label(),
                        "share",
                        w.share().isPresent() ? percent(w.share()) : "no leads"))
            .toList());
    model.put("chartId", CHART_ID);
    Email email = EmailTemplates.render("digest", digest.team().managerEmail(), model);
    byte[] chart = Charts.complianceByWeek(digest.trend(), ChartSize.EMAIL);
    return email.withImages(
        List.of(new InlineImage(CHART_ID, "compliance-by-week.png", "image/png", chart)));
  }

  /**
   * A span as a person reads it: {@code 45 s}, {@code 12 min}, {@code 2 h 05 min}, {@code 1 d 3 h}.
   */
  public static String words(Duration span) {
    long seconds = span.getSeconds();
    if (seconds < 60) {
      return seconds + " s";
    }
    long minutes = seconds / 60;
    if (minutes < 60) {
      return minutes + " min";
    }
    long hours = minutes / 60;
    if (hours < 24) {
      return String.format(Locale.ROOT, "%d h %02d min", hours, minutes % 60);
    }
    return (hours / 24) + " d " + (hours % 24) + " h";
  }

  /** A share as a whole percentage, {@code -} when there is none. */
  static String percent(Optional<Double> share) {
    return share.map(s -> Math.round(s * 100) + " %").orElse("-");
  }

  private static List<Map<String, Object>> slowest(List<DigestContent.SlowResponse> slowest) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (DigestContent.SlowResponse s : slowest) {
      rows.add(
          Map.of(
              "leadId", s.leadId(),
              "repId", s.repId(),
              "working", words(s.workingTime()),
              "wall", words(s.wallTime()),
              "sla", s.withinSla() ? "within SLA" : "late"));
    }
    return rows;
  }

  private static List<Map<String, Object>> entries(Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .map(e -> Map.<String, Object>of("key", e.getKey(), "count", e.getValue()))
        .toList();
  }

  private static List<Map<String, Object>> stages(Funnel funnel) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Funnel.Stage s : funnel.stages()) {
      Map<String, Object> row = new HashMap<>(Map.of("stage", s.stage(), "leads", s.leads()));
      // Left out rather than blank: an absent section is false in the templates.
      s.conversion().ifPresent(c -> row.put("conversion", percent(Optional.of(c))));
      rows.add(row);
    }
    return rows;
  }
}
