package com.leadhandoff.routing;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.offer.OfferStore;
import com.leadhandoff.ownership.OwnerClaim;
import com.leadhandoff.ownership.Ownership;
import com.leadhandoff.scoring.Score;
import com.leadhandoff.sla.BusinessCalendar;
import com.leadhandoff.sla.Deadline;
import com.leadhandoff.sla.OfferDeadlines;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Chooses who is offered a lead next. The first offer goes to the owner of the lead's company (its
 * named account's owner, else a rep who accepted another open lead from the same domain) when that
 * rep can take it, without taking a turn. Otherwise: the lead's team, then weighted round robin
 * over its reps who are active, available and have not had this lead yet, until the ladder of
 * offers ends. Records every decision and its reason in the lead's history, owners passed over
 * included.
 */
public final class LeadRouter {
  /** History event type when a rep was chosen. */
  public static final String ROUTED = "ROUTED";

  /** History event type when nobody is left to offer the lead to. */
  public static final String NO_REP = "NO_REP";

  private final LeadStore leads;
  private final OfferStore offers;
  private final Directory directory;
  private final TeamChooser teams;
  private final LeadHistory history;
  private final Clock clock;
  private final int maxOffers;
  private final OfferDeadlines deadlines;
  private final Function<String, Optional<BusinessCalendar>> calendars;
  private final Capacity capacity;
  private final Ownership ownership;

  /** A router for teams without calendars: reps without hours of their own always work. */
  public LeadRouter(
      LeadStore leads,
      OfferStore offers,
      Directory directory,
      TeamChooser teams,
      LeadHistory history,
      Clock clock,
      int maxOffers,
      OfferDeadlines deadlines) {
    this(
        leads,
        offers,
        directory,
        teams,
        history,
        clock,
        maxOffers,
        deadlines,
        team -> Optional.empty(),
        Capacity.UNLIMITED);
  }

  /**
   * @param maxOffers how many reps are offered a lead before it escalates (at least 1)
   * @param deadlines how long a rep has to accept (the response-time SLA)
   * @param calendars team id → the team's calendar: the working hours of reps without their own
   * @param capacity the reps' open offers and leads of the day, held against their caps
   */
  public LeadRouter(
      LeadStore leads,
      OfferStore offers,
      Directory directory,
      TeamChooser teams,
      LeadHistory history,
      Clock clock,
      int maxOffers,
      OfferDeadlines deadlines,
      Function<String, Optional<BusinessCalendar>> calendars,
      Capacity capacity) {
    this(
        leads,
        offers,
        directory,
        teams,
        history,
        clock,
        maxOffers,
        deadlines,
        calendars,
        capacity,
        Ownership.NONE);
  }

  /**
   * @param ownership who owns the company a lead comes from: offered its first offer first
   * @see #LeadRouter(LeadStore, OfferStore, Directory, TeamChooser, LeadHistory, Clock, int,
   *     OfferDeadlines, Function, Capacity)
   */
  public LeadRouter(
      LeadStore leads,
      OfferStore offers,
      Directory directory,
      TeamChooser teams,
      LeadHistory history,
      Clock clock,
      int maxOffers,
      OfferDeadlines deadlines,
      Function<String, Optional<BusinessCalendar>> calendars,
      Capacity capacity,
      Ownership ownership) {
    if (maxOffers < 1) {
      throw new IllegalArgumentException("MAX_OFFERS must be at least 1, was " + maxOffers);
    }
    this.leads = leads;
    this.offers = offers;
    this.directory = directory;
    this.teams = teams;
    this.history = history;
    this.clock = clock;
    this.maxOffers = maxOffers;
    this.deadlines = deadlines;
    this.calendars = calendars;
    this.capacity = capacity;
    this.ownership = ownership;
  }

  /** Chooses the next rep for the lead, or says why there is none. */
  public Route route(String leadId) {
    Lead lead =
        leads
            .find(leadId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Lead " + leadId + " is not stored; only stored leads can be routed"));
    lead.owner()
        .ifPresent(
            owner -> {
              // Routing an owned lead would offer it to a second rep.
              throw new IllegalStateException(
                  "Lead " + leadId + " is already owned by " + owner.name() + "; not routing it");
            });
    TeamChoice choice = teams.teamFor(lead);
    Team team = choice.team();
    // Query Offers: never the same rep twice (Take In Lead knows a lead it scored first has none).
    OfferLadder ladder = new OfferLadder(offers.forLead(leadId), maxOffers);
    if (lead.status() != LeadStatus.ROUTING) {
      // Score Lead sets ROUTING on a lead it qualifies and offers keep it there, so the lead read
      // above is ROUTING unless it is something routing must refuse or correct: a parked lead
      // (the write's condition throws LeadParkedException, as before), or one stored otherwise.
      // Writing ROUTING over ROUTING cost a request per route and changed nothing.
      leads.setStatus(leadId, LeadStatus.ROUTING);
    }
    if (ladder.ended().isPresent()) {
      return noRep(leadId, choice, ladder, ladder.ended().get(), List.of());
    }
    Optional<Route> decided = decidedBefore(lead, ladder.nextAttempt());
    if (decided.isPresent()) {
      return decided.get();
    }
    Availability availability = Availability.at(clock.instant(), calendars);
    List<OwnerSkipped> ownersSkipped = new ArrayList<>();
    if (ladder.nextAttempt() == 1) {
      for (OwnerClaim claim : ownership.owners(lead, clock.instant())) {
        Optional<Rep> owner = directory.rep(claim.repId());
        Optional<String> why =
            owner.isEmpty()
                ? Optional.of("not in the directory")
                : unavailable(owner.get(), availability);
        if (why.isEmpty()) {
          // The owner's place under their caps, as any offer takes; no turn, no credit.
          why = capacity.reserve(owner.get(), availability.today(owner.get()));
          if (why.isEmpty()) {
            return offerToOwner(lead, claim, owner.get(), ownersSkipped);
          }
        }
        ownersSkipped.add(
            new OwnerSkipped(
                claim.repId(), owner.map(Rep::name).orElse(claim.repId()), claim.why(), why.get()));
      }
    }
    // BatchGetItem Reps: the reps the team's item lists (read with Acknowledge Lead) and their
    // load items with the credits, in one strongly consistent read: who can be offered it now. A
    // team stored before teams listed their reps takes Query Reps byTeam, then the load items.
    Roster roster = directory.roster(team);
    Selection selection =
        RoundRobin.select(
            team,
            roster.reps(),
            ladder.excluded(),
            availability,
            claims(leadId, availability, roster),
            // UpdateItem Teams (ADD): the race-free round-robin turn, taken only when needed.
            () -> directory.nextTurn(team.teamId()));
    if (selection instanceof Selection.Chosen chosen) {
      return offer(lead, choice, ladder.nextAttempt(), chosen, ownersSkipped);
    }
    Selection.NoneLeft none = (Selection.NoneLeft) selection;
    return noRep(leadId, choice, ladder, none.reason(), none.skipped(), ownersSkipped);
  }

  /**
   * Gives back what choosing the rep of {@code routed} took, for a route whose entry was never
   * written (Take In Lead's joined write refused: another try of the step scored and routed the
   * lead meanwhile): the rep's open offer, and the credited turn it spent. The round-robin turn
   * stays taken (a number skipped only moves the turn on) and the rep's count of the day keeps the
   * lead, as when a process dies after reserving. Nothing for an entry that is not ROUTED.
   */
  public void giveBack(HistoryEvent routed) {
    if (!ROUTED.equals(routed.type())) {
      return;
    }
    String repId = routed.details().get("repId");
    // UpdateItem Reps (openOffers - 1, floor 0), and ADD credits when the route spent one: only
    // on this rare path.
    capacity.release(repId);
    if ("0".equals(routed.details().get("turn"))) {
      capacity.refundCredit(repId);
    }
  }

  /**
   * The route an earlier invocation chose for this same attempt, whose offer was not made yet:
   * Route Lead invoked again (a retry, a restart of the runtime) gets the same rep back, without
   * taking a second turn, holding a second place under the caps or writing a second history entry.
   * The waits are counted again from now to the same deadline. Empty if there is none, or if that
   * rep left the directory meanwhile.
   */
  private Optional<Route> decidedBefore(Lead lead, int attempt) {
    List<HistoryEvent> events = history.of(lead.leadId());
    Optional<HistoryEvent> routed =
        events.stream()
            .filter(e -> ROUTED.equals(e.type()))
            .filter(e -> Integer.toString(attempt).equals(e.details().get("attempt")))
            .reduce((first, second) -> second);
    if (routed.isEmpty() || !routed.get().details().containsKey("why")) {
      return Optional.empty();
    }
    Map<String, String> details = routed.get().details();
    Optional<Rep> rep = directory.rep(details.get("repId"));
    if (rep.isEmpty()) {
      return Optional.empty();
    }
    Deadline sla =
        deadlines.deadline(lead.score().map(Score::tier), details.get("teamId"), routed.get().at());
    Instant deadline = Instant.parse(details.get("deadline"));
    Instant now = clock.instant();
    return Optional.of(
        Route.to(
            rep.get(),
            attempt,
            deadline,
            Reminder.ceilSeconds(now, deadline),
            rep.get().timeZone().orElse(sla.zone()),
            sla.window(),
            details.get("why"),
            Reminder.split(now, deadline, sla.reminders()),
            details.get("ownership")));
  }

  /**
   * An owner of the lead's company passed over for the first offer, and why.
   *
   * @param ownership why they own it, e.g. {@code owner of account Acme (acme.com)}
   * @param why why they were passed over, e.g. {@code paused}
   */
  private record OwnerSkipped(String repId, String name, String ownership, String why) {}

  /**
   * Why an owner cannot be offered the lead now, if so: inactive, paused, out of office, or outside
   * working hours. Unlike the round robin, an owner off shift is passed over even when nobody is on
   * shift: the rules' team then decides, and the owner may still be offered it in turn.
   */
  private static Optional<String> unavailable(Rep rep, Availability availability) {
    if (!rep.active()) {
      return Optional.of("inactive");
    }
    return availability.away(rep).or(() -> availability.offHours(rep));
  }

  /** The first offer, to the owner of the lead's company, in the owner's team. */
  private Route offerToOwner(
      Lead lead, OwnerClaim claim, Rep owner, List<OwnerSkipped> ownersSkipped) {
    Team team =
        directory
            .team(owner.teamId())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Rep "
                            + owner.repId()
                            + " owns lead "
                            + lead.leadId()
                            + "'s company but their team '"
                            + owner.teamId()
                            + "' is not in the teams table"));
    Map<String, String> details = new LinkedHashMap<>();
    details.put("ownership", claim.why());
    return send(
        lead,
        new TeamChoice(team, Optional.empty(), claim.why()),
        1,
        owner,
        claim.why() + "; offered first, taking no turn in " + team.name(),
        Optional.of(claim.why()),
        details,
        List.of(),
        ownersSkipped);
  }

  /**
   * Caps and credits as the round robin claims them, for this lead at this moment.
   *
   * @param roster the team's reps, with their credits when read with them
   */
  private RoundRobin.Claims claims(String leadId, Availability availability, Roster roster) {
    return new RoundRobin.Claims() {
      @Override
      public Optional<String> reserve(Rep rep) {
        // UpdateItem Reps, conditional, race-free against the caps: the open offer and the lead
        // of the day in one write. The load item read with the roster (strongly consistent, a
        // moment ago) says which write fits: today's count, or the day's start on the rep's first
        // lead of a day; a writer racing in between costs one more.
        LocalDate today = availability.today(rep);
        return roster
            .dayStarted(rep.repId(), today)
            .map(started -> capacity.reserve(rep, today, started))
            .orElseGet(() -> capacity.reserve(rep, today));
      }

      @Override
      public Set<String> withCredit(List<Rep> reps) {
        List<String> ids = reps.stream().map(Rep::repId).toList();
        return roster
            .withCredit()
            .map(held -> ids.stream().filter(held::contains).collect(Collectors.toSet()))
            .orElseGet(() -> capacity.withCredit(ids));
      }

      @Override
      public boolean useCredit(Rep rep) {
        return capacity.useCredit(rep.repId(), leadId);
      }

      @Override
      public void refundCredit(Rep rep) {
        capacity.refundCredit(rep.repId());
      }
    };
  }

  private Route offer(
      Lead lead,
      TeamChoice choice,
      int attempt,
      Selection.Chosen chosen,
      List<OwnerSkipped> ownersSkipped) {
    Team team = choice.team();
    String why =
        choice.why()
            + (chosen.turn() == 0
                ? "; a turn credited back in " + team.name()
                : "; turn " + chosen.turn() + " of round robin in " + team.name())
            + (chosen.rep().weight() == 1 ? "" : " (weight " + chosen.rep().weight() + ")")
            + chosen.caveat().map(c -> "; " + c).orElse("");
    Map<String, String> details = new LinkedHashMap<>();
    choice.ruleId().ifPresent(rule -> details.put("rule", rule));
    details.put("turn", Long.toString(chosen.turn()));
    details.put("weight", Integer.toString(chosen.rep().weight()));
    chosen.caveat().ifPresent(c -> details.put("caveat", c));
    return send(
        lead,
        choice,
        attempt,
        chosen.rep(),
        why,
        Optional.empty(),
        details,
        chosen.skipped(),
        ownersSkipped);
  }

  /** Computes the offer's deadline and reminders, records the decision, returns the route. */
  private Route send(
      Lead lead,
      TeamChoice choice,
      int attempt,
      Rep rep,
      String why,
      Optional<String> ownership,
      Map<String, String> decision,
      List<Selection.Skipped> skipped,
      List<OwnerSkipped> ownersSkipped) {
    String leadId = lead.leadId();
    Team team = choice.team();
    Instant now = clock.instant();
    // Computed once, here: the wait's timeout and the stored offer both come from this value.
    Deadline sla = deadlines.deadline(lead.score().map(Score::tier), team.teamId(), now);
    Instant deadline = sla.at();
    // Rounded up: the workflow's wait must never end before the deadline the rep was promised.
    Duration left = Duration.between(now, deadline);
    int timeoutSeconds = (int) Math.max(1, left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0));
    ZoneId repZone = rep.timeZone().orElse(sla.zone());
    Route route =
        Route.to(
            rep,
            attempt,
            deadline,
            timeoutSeconds,
            repZone,
            sla.window(),
            why,
            Reminder.split(now, deadline, sla.reminders()),
            ownership.orElse(null));
    Map<String, String> details = new LinkedHashMap<>();
    details.put("attempt", Integer.toString(attempt));
    details.put("offerId", route.offerId());
    details.put("teamId", team.teamId());
    details.put("repId", rep.repId());
    details.putAll(decision);
    details.put("deadline", deadline.toString());
    details.put("sla", sla.basis());
    details.put("why", why);
    putSkipped(details, skipped, ownersSkipped);
    // PutItem History: the decision and its reasons, which a retry of this attempt also reads
    // (decidedBefore) to take no second turn. In Take In Lead, held back for its one
    // TransactWriteItems with the score and the acknowledgement (InvocationCache#join).
    history.record(
        leadId,
        new HistoryEvent(
            now,
            ROUTED,
            "Offered to "
                + rep.name()
                + " ("
                + why
                + ", offer "
                + attempt
                + " of "
                + maxOffers
                + ")"
                + skippedText(skipped, ownersSkipped),
            details));
    return route;
  }

  private Route noRep(
      String leadId,
      TeamChoice choice,
      OfferLadder ladder,
      String reason,
      List<Selection.Skipped> skipped) {
    return noRep(leadId, choice, ladder, reason, skipped, List.of());
  }

  private Route noRep(
      String leadId,
      TeamChoice choice,
      OfferLadder ladder,
      String reason,
      List<Selection.Skipped> skipped,
      List<OwnerSkipped> ownersSkipped) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("teamId", choice.team().teamId());
    choice.ruleId().ifPresent(rule -> details.put("rule", rule));
    details.put("teamReason", choice.why());
    details.put("reason", reason);
    putSkipped(details, skipped, ownersSkipped);
    List<HistoryEvent> earlier = history.of(leadId);
    HistoryEvent last = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1);
    if (last != null && NO_REP.equals(last.type()) && last.details().equals(details)) {
      // The same step invoked again: recorded once.
      return Route.none(reason, ladder.offers().size());
    }
    // PutItem History (in Take In Lead, in its one TransactWriteItems, as ROUTED is).
    history.record(
        leadId,
        new HistoryEvent(
            clock.instant(),
            NO_REP,
            "No rep to offer the lead to: " + reason + skippedText(skipped, ownersSkipped),
            details));
    return Route.none(reason, ladder.offers().size());
  }

  private static void putSkipped(
      Map<String, String> details,
      List<Selection.Skipped> skipped,
      List<OwnerSkipped> ownersSkipped) {
    if (!ownersSkipped.isEmpty()) {
      details.put(
          "ownerSkipped",
          ownersSkipped.stream()
              .map(o -> o.repId() + ": " + o.ownership() + ", but " + o.why())
              .collect(Collectors.joining("; ")));
    }
    if (!skipped.isEmpty()) {
      details.put(
          "skipped",
          skipped.stream()
              .map(s -> s.rep().repId() + ": " + s.why())
              .collect(Collectors.joining("; ")));
    }
  }

  private static String skippedText(
      List<Selection.Skipped> skipped, List<OwnerSkipped> ownersSkipped) {
    List<String> parts = new ArrayList<>();
    ownersSkipped.forEach(
        o -> parts.add("not first to " + o.name() + " (" + o.ownership() + "): " + o.why()));
    skipped.forEach(s -> parts.add("skipped " + s.rep().name() + ": " + s.why()));
    return parts.isEmpty() ? "" : "; " + String.join("; ", parts);
  }
}
