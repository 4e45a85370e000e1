package com.leadhandoff.sla;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.config.ConfigFile;
import com.leadhandoff.scoring.Score;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and checks one SLA policy file. The whole file is checked before anything is reported, so
 * one run of the build shows every mistake, each with its line, entry and fix.
 */
final class SlaPolicyReader {
  private static final List<String> ROOT_KEYS = List.of("responseTimes", "calendars", "reminders");
  private static final List<String> CALENDAR_KEYS = List.of("timeZone", "hours", "holidays");
  private static final Pattern INTERVAL =
      Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");
  private static final String DURATION_FIX =
      "write a whole number and a unit: minutes, hours or business days, e.g. '15 minutes',"
          + " '2 hours', '1 business day' or '1 hour 30 minutes'";

  private final String file;
  private final Set<String> teamIds;
  private final ConfigFile config;

  private SlaPolicyReader(String file, Set<String> teamIds, ConfigFile config) {
    this.file = file;
    this.teamIds = teamIds;
    this.config = config;
  }

  static SlaPolicy read(String file, String text, Set<String> teamIds) {
    ConfigFile config = new ConfigFile(file, text, "", InvalidSlaPolicyException::new);
    SlaPolicyReader reader = new SlaPolicyReader(file, new TreeSet<>(teamIds), config);
    Optional<SlaPolicy> policy = config.root().flatMap(reader::policy);
    config.failIfProblems();
    return policy.orElseThrow();
  }

  private Optional<SlaPolicy> policy(JsonNode root) {
    if (root == null || root.isMissingNode() || root.isNull() || !root.isObject()) {
      problem("", Optional.empty(), "the file must be a mapping with responseTimes and calendars");
      return Optional.empty();
    }
    unknownKeys(root, "", ROOT_KEYS, Optional.empty(), "at the top level");
    Map<Score.Tier, ResponseTime> times = responseTimes(root.get("responseTimes"));
    Map<String, BusinessCalendar> calendars = calendars(root.get("calendars"));
    List<Double> reminders = reminders(root.get("reminders"));
    if (config.problemCount() > 0) {
      return Optional.empty();
    }
    return Optional.of(new SlaPolicy(times, calendars, reminders));
  }

  private List<Double> reminders(JsonNode node) {
    List<Double> fractions = new ArrayList<>();
    String fix =
        "list fractions of the response time between 0 and 1 in ascending order, e.g."
            + " reminders: [0.5, 0.8] to remind at half and at four fifths of the time";
    if (node == null || node.isNull()) {
      return fractions; // no reminders
    }
    if (!node.isArray()) {
      problem("/reminders", Optional.empty(), "'reminders' must be a list; " + fix);
      return fractions;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode value = node.get(i);
      String pointer = "/reminders/" + i;
      Optional<String> entry = Optional.of("reminder " + (i + 1));
      if (!value.isNumber()) {
        problem(pointer, entry, "'" + value.asText() + "' is not a number; " + fix);
        continue;
      }
      double fraction = value.doubleValue();
      if (!(fraction > 0 && fraction < 1)) {
        problem(
            pointer,
            entry,
            fraction
                + " is not between 0 and 1: a reminder goes out while the offer is open, so"
                + " 0.5 is half-way through the response time; "
                + fix);
        continue;
      }
      if (!fractions.isEmpty() && fraction <= fractions.get(fractions.size() - 1)) {
        problem(
            pointer,
            entry,
            fraction + " does not come after " + fractions.get(fractions.size() - 1) + "; " + fix);
        continue;
      }
      fractions.add(fraction);
    }
    return fractions;
  }

  private Map<Score.Tier, ResponseTime> responseTimes(JsonNode node) {
    Map<Score.Tier, ResponseTime> times = new EnumMap<>(Score.Tier.class);
    List<String> tiers = new ArrayList<>();
    for (Score.Tier tier : Score.Tier.values()) {
      tiers.add(tier.name().toLowerCase(Locale.ROOT));
    }
    if (node == null || node.isNull() || !node.isObject()) {
      problem(
          node == null ? "" : "/responseTimes",
          Optional.empty(),
          "'responseTimes' must map each tier to a time, e.g. responseTimes: {hot: 15 minutes,"
              + " warm: 2 hours, cold: 1 business day}");
      return times;
    }
    unknownKeys(
        node,
        "/responseTimes",
        tiers,
        Optional.empty(),
        "in 'responseTimes' (the tiers of" + " the scoring model)");
    for (Score.Tier tier : Score.Tier.values()) {
      String name = tier.name().toLowerCase(Locale.ROOT);
      Optional<String> entry = Optional.of("tier '" + name + "'");
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        problem(
            "/responseTimes", entry, "missing; give every tier a response time, " + DURATION_FIX);
      } else {
        duration(value, "/responseTimes/" + name, entry).ifPresent(t -> times.put(tier, t));
      }
    }
    return times;
  }

  private Optional<ResponseTime> duration(JsonNode value, String pointer, Optional<String> entry) {
    String written = value.isValueNode() ? value.asText().strip() : "";
    List<String> words = List.of(written.toLowerCase(Locale.ROOT).split("\\s+"));
    int days = 0;
    Duration time = Duration.ZERO;
    int i = 0;
    while (i < words.size() && !written.isEmpty()) {
      if (!words.get(i).matches("\\d{1,6}") || i + 1 >= words.size()) {
        problem(pointer, entry, "'" + written + "' is not a response time; " + DURATION_FIX);
        return Optional.empty();
      }
      int amount = Integer.parseInt(words.get(i));
      String unit = words.get(i + 1);
      i += 2;
      if (unit.equals("business") && i < words.size()) {
        unit += " " + words.get(i++);
      }
      switch (unit) {
        case "minute", "minutes" -> time = time.plusMinutes(amount);
        case "hour", "hours" -> time = time.plusHours(amount);
        case "business day", "business days" -> days += amount;
        case "day", "days" -> {
          problem(
              pointer,
              entry,
              "'"
                  + written
                  + "' is ambiguous; write '"
                  + amount
                  + (amount == 1 ? " business day" : " business days")
                  + "' to count the team's working days, or '"
                  + amount * 24
                  + " hours' to count that much working time");
          return Optional.empty();
        }
        default -> {
          problem(
              pointer, entry, "unknown unit '" + unit + "' in '" + written + "'; " + DURATION_FIX);
          return Optional.empty();
        }
      }
    }
    if (days == 0 && time.isZero()) {
      problem(
          pointer,
          entry,
          written.isEmpty() || words.size() < 2
              ? "'" + written + "' is not a response time; " + DURATION_FIX
              : "a response time of zero gives reps no time to answer; " + DURATION_FIX);
      return Optional.empty();
    }
    return Optional.of(new ResponseTime(days, time, written));
  }

  private Map<String, BusinessCalendar> calendars(JsonNode node) {
    Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
    if (node == null || node.isNull() || !node.isObject()) {
      problem(
          node == null ? "" : "/calendars",
          Optional.empty(),
          "'calendars' must map each team id to its calendar (timeZone, hours, holidays)");
      return calendars;
    }
    node.fields()
        .forEachRemaining(
            e -> {
              String teamId = e.getKey();
              String pointer = "/calendars/" + escape(teamId);
              Optional<String> entry = Optional.of("calendar '" + teamId + "'");
              if (!teamIds.isEmpty() && !teamIds.contains(teamId)) {
                problem(
                    pointer,
                    entry,
                    "no team '"
                        + teamId
                        + "' in config/directory.yaml; name the calendar after a team id: "
                        + String.join(", ", teamIds));
              }
              calendar(e.getValue(), pointer, entry).ifPresent(c -> calendars.put(teamId, c));
            });
    for (String teamId : teamIds) {
      if (!node.has(teamId)) {
        problem(
            "/calendars",
            Optional.of("team '" + teamId + "'"),
            "has no calendar; add '" + teamId + ":' under 'calendars' with its timeZone and hours");
      }
    }
    return calendars;
  }

  private Optional<BusinessCalendar> calendar(
      JsonNode node, String pointer, Optional<String> entry) {
    if (!node.isObject()) {
      problem(pointer, entry, "a calendar must be a mapping with timeZone, hours and holidays");
      return Optional.empty();
    }
    int before = config.problemCount();
    unknownKeys(node, pointer, CALENDAR_KEYS, entry, "in a calendar");
    Optional<ZoneId> zone = zone(node.get("timeZone"), pointer, entry);
    Map<DayOfWeek, List<WorkingInterval>> week = week(node.get("hours"), pointer + "/hours", entry);
    Set<LocalDate> holidays = holidays(node.get("holidays"), pointer + "/holidays", entry);
    if (config.problemCount() > before) {
      return Optional.empty();
    }
    return Optional.of(new BusinessCalendar(zone.orElseThrow(), week, holidays));
  }

  private Optional<ZoneId> zone(JsonNode value, String pointer, Optional<String> entry) {
    String fix = "use an IANA zone name such as Europe/Berlin or America/New_York";
    if (value == null || value.isNull() || !value.isTextual()) {
      problem(pointer, entry, "'timeZone' is missing; " + fix);
      return Optional.empty();
    }
    String text = value.asText().strip();
    try {
      ZoneId zone = ZoneId.of(text);
      if (zone instanceof ZoneOffset || !text.contains("/") && !text.equals("UTC")) {
        // Fixed offsets and abbreviations do not follow a region's daylight-saving rules.
        problem(pointer + "/timeZone", entry, "'" + text + "' is not a region; " + fix);
        return Optional.empty();
      }
      return Optional.of(zone);
    } catch (DateTimeException e) {
      problem(pointer + "/timeZone", entry, "unknown time zone '" + text + "'; " + fix);
      return Optional.empty();
    }
  }

  private Map<DayOfWeek, List<WorkingInterval>> week(
      JsonNode node, String pointer, Optional<String> entry) {
    Map<DayOfWeek, List<WorkingInterval>> week = new EnumMap<>(DayOfWeek.class);
    List<String> days = new ArrayList<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      days.add(day.name().toLowerCase(Locale.ROOT));
    }
    if (node == null || node.isNull() || !node.isObject()) {
      problem(
          pointer,
          entry,
          "'hours' must list working intervals per weekday, e.g. monday: [\"08:00-12:00\","
              + " \"13:00-17:00\"]; leave days off out");
      return week;
    }
    int before = config.problemCount();
    unknownKeys(node, pointer, days, entry, "in 'hours'");
    for (DayOfWeek day : DayOfWeek.values()) {
      String name = day.name().toLowerCase(Locale.ROOT);
      JsonNode list = node.get(name);
      if (list == null || list.isNull()) {
        continue; // a day left out is a day off
      }
      String dayPointer = pointer + "/" + name;
      if (!list.isArray()) {
        problem(
            dayPointer,
            entry,
            "'"
                + name
                + "' must be a list of intervals such as [\"09:00-17:00\"]; [] for a day off");
        continue;
      }
      List<WorkingInterval> intervals = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        interval(list.get(i), dayPointer + "/" + i, entry, name).ifPresent(intervals::add);
      }
      intervals.sort(Comparator.comparingInt(WorkingInterval::startMinute));
      for (int i = 1; i < intervals.size(); i++) {
        if (intervals.get(i).startMinute() < intervals.get(i - 1).endMinute()) {
          problem(
              dayPointer,
              entry,
              name
                  + ": "
                  + intervals.get(i - 1)
                  + " and "
                  + intervals.get(i)
                  + " overlap; end one before the other starts, or merge them");
        }
      }
      if (!intervals.isEmpty()) {
        week.put(day, intervals);
      }
    }
    if (week.isEmpty() && config.problemCount() == before) {
      problem(pointer, entry, "no working time in the week; give at least one weekday its hours");
    }
    return week;
  }

  private Optional<WorkingInterval> interval(
      JsonNode value, String pointer, Optional<String> entry, String day) {
    String text =
        value.isTextual()
            ? value.asText().strip()
            : value.isContainerNode() ? "a list or mapping" : value.asText();
    Matcher m = INTERVAL.matcher(text);
    if (!value.isTextual() || !m.matches()) {
      problem(
          pointer,
          entry,
          day
              + ": '"
              + text
              + "' is not an interval; write start-end in 24-hour time, e.g. 08:00-12:30");
      return Optional.empty();
    }
    int startHour = Integer.parseInt(m.group(1));
    int startMinute = Integer.parseInt(m.group(2));
    int endHour = Integer.parseInt(m.group(3));
    int endMinute = Integer.parseInt(m.group(4));
    if (startHour > 23
        || startMinute > 59
        || endMinute > 59
        || endHour > 24
        || (endHour == 24 && endMinute > 0)) {
      problem(
          pointer,
          entry,
          day + ": '" + text + "' has a time that does not exist; use 00:00 to 24:00");
      return Optional.empty();
    }
    int start = startHour * 60 + startMinute;
    int end = endHour * 60 + endMinute;
    if (start >= end) {
      problem(
          pointer,
          entry,
          day
              + ": '"
              + text
              + "' ends before it starts; an interval stays within one day, so write work past"
              + " midnight as '...-24:00' on this day and '00:00-...' on the next");
      return Optional.empty();
    }
    return Optional.of(new WorkingInterval(start, end));
  }

  private Set<LocalDate> holidays(JsonNode node, String pointer, Optional<String> entry) {
    Set<LocalDate> dates = new HashSet<>();
    if (node == null || node.isNull()) {
      return dates;
    }
    if (!node.isArray()) {
      problem(pointer, entry, "'holidays' must be a list of dates, e.g. [2026-12-24, 2026-12-25]");
      return dates;
    }
    for (int i = 0; i < node.size(); i++) {
      String text = node.get(i).asText().strip();
      try {
        dates.add(LocalDate.parse(text));
      } catch (DateTimeParseException e) {
        problem(
            pointer + "/" + i,
            entry,
            "holiday '" + text + "' is not a date; write it as year-month-day, e.g. 2026-12-24");
      }
    }
    return dates;
  }

  private void unknownKeys(
      JsonNode node, String pointer, List<String> known, Optional<String> entry, String where) {
    config.unknownKeys(node, pointer, known, entry, where);
  }

  private void problem(String pointer, Optional<String> entry, String reason) {
    config.problem(pointer, entry, reason);
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
