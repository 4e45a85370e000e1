package com.leadhandoff.local.ui;

import com.leadhandoff.report.Funnel;
import com.leadhandoff.report.GroupBy;
import com.leadhandoff.report.GroupRow;
import com.leadhandoff.report.SlaReport;
import com.leadhandoff.report.SlaReportRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns a report and its form into the plain maps {@code reports.html} shows. */
final class ReportViews {
  private ReportViews() {}

  /** The form with what was asked, for the page with or without a report. */
  static Map<String, Object> form(String from, String to, String groupBy) {
    Map<String, Object> model = new HashMap<>();
    model.put("from", from);
    model.put("to", to);
    List<Map<String, Object>> options = new ArrayList<>();
    for (GroupBy g : GroupBy.values()) {
      String value = g.name().toLowerCase(Locale.ROOT);
      options.add(Map.of("value", value, "selected", value.equalsIgnoreCase(groupBy)));
    }
    model.put("groupings", options);
    return model;
  }

  /** The whole page: the form, the charts of the period and the report's rows. */
  static Map<String, Object> page(ReportFigures figures, String base) {
    SlaReport report = figures.report();
    SlaReportRequest asked = new SlaReportRequest(report.from(), report.to(), report.groupBy());
    Map<String, Object> model =
        form(
            report.from().toString(),
            report.to().toString(),
            report.groupBy().name().toLowerCase(Locale.ROOT));
    String query = query(asked);
    model.put(
        "charts",
        ReportFigures.CHARTS.stream()
            .map(
                name ->
                    Map.of(
                        "src", base + "/reports/chart/" + name + ".png?" + query,
                        "alt", alt(name),
                        "width", ReportFigures.SIZE.width(),
                        "height", ReportFigures.SIZE.height()))
            .toList());
    model.put("groupBy", report.groupBy().name().toLowerCase(Locale.ROOT));
    List<Map<String, Object>> rows = new ArrayList<>();
    report.groups().forEach(r -> rows.add(row(r)));
    model.put("rows", rows);
    model.put("hasRows", !rows.isEmpty());
    model.put("total", row(report.total()));
    model.put("notes", report.notes());
    model.put("json", "/admin/reports/sla?" + query);
    return model;
  }

  static String query(SlaReportRequest r) {
    return "from="
        + r.from()
        + "&to="
        + r.to()
        + "&groupBy="
        + URLEncoder.encode(r.groupBy().name().toLowerCase(Locale.ROOT), StandardCharsets.UTF_8);
  }

  private static String alt(String chart) {
    return switch (chart) {
      case "compliance-by-week" -> "Share of leads accepted within the SLA, by week";
      case "time-to-accept" -> "How long leads waited to be accepted, in working time";
      default -> "Funnel: MQL, accepted, SQL, meeting, won";
    };
  }

  private static Map<String, Object> row(GroupRow row) {
    Map<String, Object> view = new HashMap<>();
    view.put("group", row.group());
    view.put("leads", row.leads());
    view.put("within", row.acceptedWithinSla());
    view.put(
        "share", row.shareAcceptedWithinSla().map(s -> Math.round(s * 100) + " %").orElse("-"));
    view.put("p50", seconds(row.p50WorkingSecondsToAccept()));
    view.put("p90", seconds(row.p90WorkingSecondsToAccept()));
    view.put("breaches", row.breaches());
    view.put("escalations", row.escalations());
    view.put(
        "declines",
        row.declinesByReason().entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", ")));
    view.put("funnel", funnel(row.funnel()));
    return view;
  }

  private static String seconds(Optional<Long> seconds) {
    return seconds.map(s -> s == 0 ? "0 s" : ClockPanel.span(Duration.ofSeconds(s))).orElse("-");
  }

  private static String funnel(Funnel funnel) {
    return funnel.stages().stream()
        .map(
            s ->
                s.stage()
                    + " "
                    + s.leads()
                    + s.conversion().map(c -> " (" + Math.round(c * 100) + " %)").orElse(""))
        .collect(Collectors.joining(" → "));
  }
}
