package com.leadhandoff.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.sla.WorkingInterval;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the fields of a directory rep that decide how many leads they get and when: weight, caps,
 * working hours and out-of-office dates. Problems go to the directory reader's list, worded the
 * same way, so one run reports them all.
 */
final class RepScheduleReader {
  private static final Set<String> AWAY_FIELDS = Set.of("from", "until");
  // Large enough for any real split of a team, small enough that a typo such as 200 for 2 stands
  // out.
  private static final int MAX_WEIGHT = 100;
  private static final int MAX_CAP = 1000;
  private static final Pattern INTERVAL = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");

  private final List<String> problems;

  /**
   * @param problems where each problem found is added, prefixed with where it is
   */
  RepScheduleReader(List<String> problems) {
    this.problems = problems;
  }

  /** The rep's share of turns: a whole number from 1, 1 when left out. */
  int weight(JsonNode node, String where) {
    JsonNode value = node.get("weight");
    if (value == null || value.isNull()) {
      return 1;
    }
    if (!value.isIntegralNumber() || value.asLong() < 1 || value.asLong() > MAX_WEIGHT) {
      problems.add(
          where
              + "`weight: "
              + value.asText()
              + "` must be a whole number from 1 to "
              + MAX_WEIGHT
              + "; a rep of weight 2 gets twice the leads of a rep of weight 1, and leaving it"
              + " out means 1");
      return 1;
    }
    return value.intValue();
  }

  /** An optional cap: a whole number from 1, no cap when left out. */
  Optional<Integer> cap(JsonNode node, String field, String where, String what) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isIntegralNumber() || value.asLong() < 1 || value.asLong() > MAX_CAP) {
      problems.add(
          where
              + "`"
              + field
              + ": "
              + value.asText()
              + "` must be a whole number from 1 to "
              + MAX_CAP
              + " (the most "
              + what
              + "); leave it out for no cap");
      return Optional.empty();
    }
    return Optional.of(value.intValue());
  }

  /** Weekday → intervals, written like the calendars of sla-policy.yaml; empty when left out. */
  Map<DayOfWeek, List<WorkingInterval>> workingHours(JsonNode node, String where) {
    JsonNode value = node.get("workingHours");
    Map<DayOfWeek, List<WorkingInterval>> week = new EnumMap<>(DayOfWeek.class);
    if (value == null || value.isNull()) {
      return week;
    }
    String example =
        "write one line per working day, e.g. `monday: [\"09:00-12:30\", \"13:30-17:30\"]`,"
            + " times in the rep's timeZone; leave `workingHours:` out to follow the team's"
            + " calendar in sla-policy.yaml";
    if (!value.isObject()) {
      problems.add(where + "`workingHours:` must map weekdays to intervals; " + example);
      return week;
    }
    int problemsBefore = problems.size();
    value
        .fields()
        .forEachRemaining(
            day -> {
              Optional<DayOfWeek> weekday = weekday(day.getKey());
              String dayWhere = where + "workingHours " + day.getKey() + ": ";
              if (weekday.isEmpty()) {
                problems.add(
                    dayWhere + "not a weekday; use monday, tuesday, ... sunday; " + example);
                return;
              }
              List<WorkingInterval> intervals = new ArrayList<>();
              JsonNode list = day.getValue();
              if (!list.isArray()) {
                problems.add(dayWhere + "must be a list of intervals; " + example);
                return;
              }
              list.forEach(text -> interval(text.asText(), dayWhere).ifPresent(intervals::add));
              intervals.sort(Comparator.comparingInt(WorkingInterval::startMinute));
              for (int i = 1; i < intervals.size(); i++) {
                if (intervals.get(i).startMinute() < intervals.get(i - 1).endMinute()) {
                  problems.add(
                      dayWhere
                          + intervals.get(i - 1)
                          + " and "
                          + intervals.get(i)
                          + " overlap; merge them into one interval");
                  return;
                }
              }
              if (!intervals.isEmpty()) {
                week.put(weekday.get(), intervals);
              }
            });
    if (week.isEmpty() && problems.size() == problemsBefore) {
      problems.add(where + "`workingHours:` has no working day; " + example);
    }
    return week;
  }

  private static Optional<DayOfWeek> weekday(String name) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().equalsIgnoreCase(name)) {
        return Optional.of(day);
      }
    }
    return Optional.empty();
  }

  private Optional<WorkingInterval> interval(String text, String where) {
    String fix =
        "; write HH:MM-HH:MM with the start before the end, within one day (24:00 at the latest),"
            + " e.g. \"09:00-17:30\"";
    Matcher m = INTERVAL.matcher(text.trim());
    if (!m.matches()) {
      problems.add(where + "'" + text + "' is not an interval" + fix);
      return Optional.empty();
    }
    int startHour = Integer.parseInt(m.group(1));
    int startMinute = Integer.parseInt(m.group(2));
    int endHour = Integer.parseInt(m.group(3));
    int endMinute = Integer.parseInt(m.group(4));
    int start = startHour * 60 + startMinute;
    int end = endHour * 60 + endMinute;
    if (startHour > 23 || startMinute > 59 || endMinute > 59 || end > 24 * 60 || start >= end) {
      problems.add(where + "'" + text + "' is not a valid interval" + fix);
      return Optional.empty();
    }
    return Optional.of(new WorkingInterval(start, end));
  }

  /** The rep's days away: entries with {@code from} and {@code until}, both days included. */
  List<OutOfOffice> outOfOffice(JsonNode node, String where) {
    JsonNode value = node.get("outOfOffice");
    List<OutOfOffice> away = new ArrayList<>();
    if (value == null || value.isNull()) {
      return away;
    }
    String example =
        "write a list of `- {from: 2026-12-21, until: 2027-01-01}`, both days included, dates in"
            + " the rep's timeZone";
    if (!value.isArray()) {
      problems.add(where + "`outOfOffice:` must be a list; " + example);
      return away;
    }
    int number = 0;
    for (JsonNode range : value) {
      number++;
      String rangeWhere = where + "outOfOffice #" + number + ": ";
      if (!range.isObject()) {
        problems.add(rangeWhere + "not a date range; " + example);
        continue;
      }
      range
          .fieldNames()
          .forEachRemaining(
              field -> {
                if (!AWAY_FIELDS.contains(field)) {
                  problems.add(
                      rangeWhere + "unknown field `" + field + ":`; the fields are from, until");
                }
              });
      Optional<LocalDate> from = date(range, "from", rangeWhere, example);
      Optional<LocalDate> until = date(range, "until", rangeWhere, example);
      if (from.isPresent() && until.isPresent()) {
        if (until.get().isBefore(from.get())) {
          problems.add(
              rangeWhere
                  + "until "
                  + until.get()
                  + " is before from "
                  + from.get()
                  + "; swap them, or use the same date for a single day away");
        } else {
          away.add(new OutOfOffice(from.get(), until.get()));
        }
      }
    }
    return away;
  }

  private Optional<LocalDate> date(JsonNode node, String field, String where, String example) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || !value.isValueNode()) {
      problems.add(where + "missing `" + field + ":`; " + example);
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value.asText().trim()));
    } catch (DateTimeParseException e) {
      problems.add(
          where
              + "`"
              + field
              + ": "
              + value.asText()
              + "` is not a date; write year-month-day, e.g. 2026-12-21");
      return Optional.empty();
    }
  }
}
