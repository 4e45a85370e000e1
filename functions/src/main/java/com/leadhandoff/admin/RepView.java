package com.leadhandoff.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.leadhandoff.routing.OutOfOffice;
import com.leadhandoff.routing.Rep;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A rep as the admin API shows it: the fields and spelling of {@code config/directory.yaml}, so
 * what {@code GET} returns can be sent back with {@code PUT}, plus the rep's status today.
 *
 * @param status {@code available}, {@code paused}, {@code out of office} or {@code inactive}; null
 *     when not worked out
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RepView(
    String id,
    String name,
    String email,
    String team,
    boolean active,
    String timeZone,
    int weight,
    boolean paused,
    // Left out when empty: the directory reads an empty `workingHours:` as a mistake.
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, List<String>> workingHours,
    List<OutOfOffice> outOfOffice,
    Integer maxOpenOffers,
    Integer maxLeadsPerDay,
    String status) {

  /** Field name → its value, for telling what a change changed. */
  static final Map<String, Function<RepView, Object>> FIELDS = fields();

  /** The rep's fields, without a status. */
  public static RepView of(Rep rep) {
    Map<String, List<String>> hours = new LinkedHashMap<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      if (rep.workingHours().containsKey(day)) {
        hours.put(
            day.name().toLowerCase(Locale.ROOT),
            rep.workingHours().get(day).stream().map(Object::toString).toList());
      }
    }
    return new RepView(
        rep.repId(),
        rep.name(),
        rep.email(),
        rep.teamId(),
        rep.active(),
        rep.timeZone().map(ZoneId::getId).orElse(null),
        rep.weight(),
        rep.paused(),
        hours,
        rep.outOfOffice(),
        rep.maxOpenOffers().orElse(null),
        rep.maxLeadsPerDay().orElse(null),
        null);
  }

  /** The rep's fields and their status today, in the rep's zone (UTC without one). */
  public static RepView of(Rep rep, Clock clock) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), rep.timeZone().orElse(ZoneOffset.UTC));
    String status;
    if (!rep.active()) {
      status = "inactive";
    } else if (rep.paused()) {
      status = "paused";
    } else if (rep.outOfOffice().stream().anyMatch(away -> away.covers(today))) {
      status = "out of office";
    } else {
      status = "available";
    }
    RepView view = of(rep);
    return new RepView(
        view.id,
        view.name,
        view.email,
        view.team,
        view.active,
        view.timeZone,
        view.weight,
        view.paused,
        view.workingHours,
        view.outOfOffice,
        view.maxOpenOffers,
        view.maxLeadsPerDay,
        status);
  }

  private static Map<String, Function<RepView, Object>> fields() {
    Map<String, Function<RepView, Object>> fields = new LinkedHashMap<>();
    fields.put("name", RepView::name);
    fields.put("email", RepView::email);
    fields.put("team", RepView::team);
    fields.put("active", RepView::active);
    fields.put("timeZone", v -> Objects.requireNonNullElse(v.timeZone(), "-"));
    fields.put("weight", RepView::weight);
    fields.put("paused", RepView::paused);
    fields.put("workingHours", RepView::workingHours);
    fields.put(
        "outOfOffice",
        v -> v.outOfOffice().stream().map(a -> a.from() + " to " + a.until()).toList());
    fields.put("maxOpenOffers", v -> Objects.requireNonNullElse(v.maxOpenOffers(), "-"));
    fields.put("maxLeadsPerDay", v -> Objects.requireNonNullElse(v.maxLeadsPerDay(), "-"));
    return fields;
  }
}
