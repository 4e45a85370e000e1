package com.leadhandoff.local.ui;

import com.leadhandoff.report.SlaReport;
import com.leadhandoff.report.SlaReportCalculator;
import com.leadhandoff.report.SlaReportRequest;
import com.leadhandoff.report.charts.ChartSize;
import com.leadhandoff.report.charts.Charts;
import com.leadhandoff.report.charts.WeekCompliance;
import com.leadhandoff.sla.SlaFacts;
import com.leadhandoff.sla.SlaFactsStore;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One report request's figures, read once from the SLA facts (one Query per UTC day, as the
 * deployed report route reads them): the SLA report itself and the data of its three charts.
 */
final class ReportFigures {
  /** The charts the Reports page shows, by the name in their URL. */
  static final List<String> CHARTS = List.of("compliance-by-week", "time-to-accept", "funnel");

  /** Every chart of the page has this size; the page scales it down on a phone. */
  static final ChartSize SIZE = new ChartSize(560, 300);

  private static final DateTimeFormatter WEEK =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  private final SlaReportRequest request;
  private final List<SlaFacts> facts;
  private final SlaReport report;

  private ReportFigures(SlaReportRequest request, List<SlaFacts> facts) {
    this.request = request;
    this.facts = List.copyOf(facts);
    this.report =
        SlaReportCalculator.of(request.from(), request.to(), request.groupBy(), this.facts);
  }

  /** The figures of {@code request}, read from {@code store}. */
  static ReportFigures read(SlaFactsStore store, SlaReportRequest request) {
    List<SlaFacts> facts = new ArrayList<>();
    for (LocalDate day = request.from(); !day.isAfter(request.to()); day = day.plusDays(1)) {
      facts.addAll(store.receivedOn(day));
    }
    return new ReportFigures(request, facts);
  }

  SlaReport report() {
    return report;
  }

  /**
   * The share accepted within the SLA per week (Monday to Sunday, UTC like the report's days), the
   * first and last weeks cut to the period.
   */
  List<WeekCompliance> weeks() {
    List<WeekCompliance> weeks = new ArrayList<>();
    LocalDate monday = request.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    for (; !monday.isAfter(request.to()); monday = monday.plusWeeks(1)) {
      LocalDate from = monday.isBefore(request.from()) ? request.from() : monday;
      LocalDate sunday = monday.plusDays(6);
      LocalDate to = sunday.isAfter(request.to()) ? request.to() : sunday;
      List<SlaFacts> week =
          facts.stream().filter(f -> !day(f).isBefore(from) && !day(f).isAfter(to)).toList();
      weeks.add(
          new WeekCompliance(
              WEEK.format(monday),
              SlaReportCalculator.of(from, to, request.groupBy(), week)
                  .total()
                  .shareAcceptedWithinSla()));
    }
    return weeks;
  }

  /** Working seconds from receipt to a rep's acceptance, of every lead a rep accepted. */
  List<Long> secondsToAccept() {
    return facts.stream()
        .filter(f -> f.owner().filter(o -> o.kind() == SlaFacts.FirstOwner.Kind.REP).isPresent())
        .flatMap(f -> f.workingTimeToAccept().stream())
        .map(Duration::getSeconds)
        .toList();
  }

  /** The chart called {@code name} as PNG; empty for a name that is none of {@link #CHARTS}. */
  Optional<byte[]> chart(String name) {
    return switch (name) {
      case "compliance-by-week" -> Optional.of(Charts.complianceByWeek(weeks(), SIZE));
      case "time-to-accept" -> Optional.of(Charts.timeToAccept(secondsToAccept(), SIZE));
      case "funnel" -> Optional.of(Charts.funnel(report.total().funnel(), SIZE));
      default -> Optional.empty();
    };
  }

  private static LocalDate day(SlaFacts f) {
    return f.receivedAt().atZone(ZoneOffset.UTC).toLocalDate();
  }
}
