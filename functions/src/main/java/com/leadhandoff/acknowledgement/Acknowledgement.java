package com.leadhandoff.acknowledgement;

import com.leadhandoff.email.Email;
import com.leadhandoff.email.EmailTemplates;
import com.leadhandoff.email.LeadMailer;
import com.leadhandoff.email.Mailer;
import com.leadhandoff.followup.FollowUps;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.routing.TeamChooser;
import com.leadhandoff.scoring.Score;
import com.leadhandoff.scoring.UnknownLeadException;
import com.leadhandoff.sla.Deadline;
import com.leadhandoff.sla.OfferDeadlines;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Thanks the prospect right after scoring. A qualified lead is told by when sales will answer: the
 * response time of its tier in the working hours of the team the routing rules choose for it, as
 * the first offer's deadline will be counted — or, when a rep owns the lead's company and its team
 * keeps other hours, the later of the two deadlines, since only Route Lead knows which applies. A
 * lead going to nurture gets no promise. Both name what the prospect asked for when {@code
 * config/follow-ups.yaml} knows the campaign. A submission Match Lead merged into the prospect's
 * open lead is thanked too, naming who has that lead. The email's claim makes a retry send nothing
 * again. Take In Lead {@link #prepare prepares} a scored lead's acknowledgement and writes its
 * claim and entry with the score and the route, before the email.
 */
public final class Acknowledgement {
  /** History type once the prospect was sent the acknowledgement. */
  public static final String ACKNOWLEDGED = "ACKNOWLEDGED";

  /** History type when the acknowledgement could not be sent; the handoff goes on regardless. */
  public static final String ACKNOWLEDGEMENT_FAILED = "ACKNOWLEDGEMENT_FAILED";

  private static final DateTimeFormatter BY =
      DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.ENGLISH);

  private final LeadStore leads;
  private final LeadHistory history;
  private final LeadMailer mailer;
  private final Clock clock;
  private final TeamChooser teams;
  private final OfferDeadlines deadlines;
  private final FollowUps followUps;
  private final Function<Lead, List<String>> ownerTeams;

  /** An acknowledgement for installs where no rep owns a company: the rules' team answers. */
  public Acknowledgement(
      LeadStore leads,
      LeadHistory history,
      Mailer mailer,
      Clock clock,
      TeamChooser teams,
      OfferDeadlines deadlines,
      FollowUps followUps) {
    this(leads, history, mailer, clock, teams, deadlines, followUps, lead -> List.of());
  }

  /**
   * @param teams the routing rules' choice of team, whose calendar counts the response time
   * @param deadlines the response-time SLA, as Route Lead will apply it
   * @param followUps the campaign each lead responded to
   * @param ownerTeams the teams of the reps who own the lead's company: Route Lead offers it to one
   *     of them first when they can take it, on their team's calendar
   */
  public Acknowledgement(
      LeadStore leads,
      LeadHistory history,
      Mailer mailer,
      Clock clock,
      TeamChooser teams,
      OfferDeadlines deadlines,
      FollowUps followUps,
      Function<Lead, List<String>> ownerTeams) {
    this.leads = leads;
    this.history = history;
    this.mailer = new LeadMailer(mailer, history);
    this.clock = clock;
    this.teams = teams;
    this.deadlines = deadlines;
    this.followUps = followUps;
    this.ownerTeams = ownerTeams;
  }

  /** When sales will answer, as the prospect reads it. */
  record Expected(String by, String zone, String window) {}

  /**
   * Detail of an ACKNOWLEDGED entry written before its email (Take In Lead writes it with the
   * email's claim, then sends): a try that finds it cannot tell whether the email went.
   */
  public static final String WRITTEN_BEFORE_EMAIL = "writtenBeforeEmail";

  /**
   * An acknowledgement made ready to go ({@link #prepare}): its email, with its claim and what it
   * needs stored first, and the entries that record it.
   *
   * @param at when the prospect was acknowledged: the entry's instant, whenever it is written
   */
  public record Pending(
      String leadId,
      LeadMailer.Prepared email,
      Instant at,
      String summary,
      Map<String, String> details) {
    public Pending {
      details = Map.copyOf(details);
    }

    /** The ACKNOWLEDGED entry written with the email's claim, before the email goes. */
    public HistoryEvent beforeEmail() {
      Map<String, String> marked = new LinkedHashMap<>(details);
      marked.put(WRITTEN_BEFORE_EMAIL, "true");
      return new HistoryEvent(at, ACKNOWLEDGED, summary, marked);
    }

    /** The ACKNOWLEDGED entry written once the email's fate is known. */
    public HistoryEvent after(LeadMailer.Delivery delivery) {
      return new HistoryEvent(at, ACKNOWLEDGED, summary + delivery.note(), details);
    }
  }

  /**
   * Everything {@link #acknowledge} does before its email's claim, writing nothing: the email,
   * ready to be claimed and sent by the caller, and what its entry says. Take In Lead writes the
   * claim and the entry with the lead's score and route in one request, then sends.
   *
   * @return empty when the lead's history records the acknowledgement already
   */
  public Optional<Pending> prepare(String leadId) {
    Lead lead = leads.find(leadId).orElseThrow(() -> new UnknownLeadException(leadId));
    boolean merged = lead.status() == LeadStatus.MERGED;
    Optional<Score> score = merged ? Optional.empty() : Optional.of(scoreOf(lead));
    if (history.of(leadId).stream().anyMatch(e -> ACKNOWLEDGED.equals(e.type()))) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Message message = message(lead, score, now);
    return Optional.of(
        new Pending(
            leadId,
            mailer.prepare(leadId, "acknowledgement", message.email()),
            now,
            message.summary(),
            message.details()));
  }

  /**
   * The ACKNOWLEDGED entry an earlier try wrote before its email ({@link Pending#beforeEmail}),
   * when its summary does not say yet that the email may not have arrived: that try stopped
   * somewhere between its write and its answer, and whether the email went nothing tells.
   */
  public Optional<HistoryEvent> unconfirmedEarlier(String leadId) {
    String note = LeadMailer.Delivery.UNCONFIRMED.note();
    return history.of(leadId).stream()
        .filter(e -> ACKNOWLEDGED.equals(e.type()))
        .filter(e -> e.details().containsKey(WRITTEN_BEFORE_EMAIL))
        .filter(e -> !e.summary().endsWith(note))
        .findFirst();
  }

  /** The ACKNOWLEDGEMENT_FAILED entry of an acknowledgement that could not be sent. */
  public HistoryEvent failure(String error, String cause) {
    return new HistoryEvent(
        clock.instant(),
        ACKNOWLEDGEMENT_FAILED,
        "The prospect's acknowledgement could not be sent (" + error + "); the handoff goes on",
        Map.of("error", error, "cause", cause));
  }

  /** The email to the prospect and what its entry says. */
  private record Message(Email email, String summary, Map<String, String> details) {}

  private Message message(Lead lead, Optional<Score> score, Instant now) {
    FollowUps.Choice followUp = followUps.choose(lead);
    Map<String, Object> model = new HashMap<>();
    model.put("greetingName", greetingName(lead.submission()));
    followUp.campaign().ifPresent(c -> model.put("campaign", c.view()));
    Map<String, String> details = new LinkedHashMap<>();
    details.put("to", lead.submission().email());
    details.put("followUp", followUp.why());
    String summary =
        score.isEmpty()
            ? mergedInto(lead, model, details)
            : expectedAnswer(lead, score.get(), now, model, details);
    Email email =
        EmailTemplates.renderToProspect(
            "acknowledgement",
            lead.submission().email(),
            model,
            lead.leadId(),
            Email.Kind.TRANSACTIONAL);
    return new Message(email, summary, details);
  }

  private static Score scoreOf(Lead lead) {
    return lead.score()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Lead "
                        + lead.leadId()
                        + " has no score; Acknowledge Lead runs after Score Lead"));
  }

  /**
   * Acknowledges the scored lead; safe to call again.
   *
   * @return true if the email went out now, false if an earlier attempt had sent it
   */
  public boolean acknowledge(String leadId) {
    Lead lead = leads.find(leadId).orElseThrow(() -> new UnknownLeadException(leadId));
    boolean merged = lead.status() == LeadStatus.MERGED;
    Optional<Score> score = merged ? Optional.empty() : Optional.of(scoreOf(lead));
    if (history.of(leadId).stream().anyMatch(e -> ACKNOWLEDGED.equals(e.type()))) {
      return false;
    }
    Instant now = clock.instant();
    Message message = message(lead, score, now);
    LeadMailer.Delivery delivery = mailer.send(leadId, "acknowledgement", message.email());
    // PutItem History, after the send: the email's claim, taken with the unsubscribe link's record
    // in one TransactWriteItems before it (the link must exist before the prospect can click it),
    // keeps a retry from sending twice. Take In Lead holds this entry back and writes it with
    // Match Lead's merge answer (InvocationCache#holdingEntries); for a scored lead it writes the
    // claim and the entry with the score and the route instead (prepare).
    history.record(
        leadId,
        new HistoryEvent(
            now, ACKNOWLEDGED, message.summary() + delivery.note(), message.details()));
    return true;
  }

  /**
   * What a scored lead is told: by when sales will answer if it qualified, no promise if not.
   *
   * @return the history entry's summary
   */
  private String expectedAnswer(
      Lead lead, Score score, Instant now, Map<String, Object> model, Map<String, String> details) {
    if (!score.qualified()) {
      return "Prospect acknowledged by email, without a response time (nurture)";
    }
    Deadline d = promise(lead, score, now);
    model.put(
        "expected",
        new Expected(BY.withZone(d.zone()).format(d.at()), d.zone().getId(), d.window()));
    details.put("expectedBy", d.at().toString());
    details.put("sla", d.basis());
    return "Prospect acknowledged by email, told to expect an answer by " + d.at();
  }

  /**
   * What a submission merged into the prospect's open lead is told: no second response time, since
   * nobody is offered it again; instead who already has their request, when someone does.
   *
   * @return the history entry's summary
   */
  private String mergedInto(Lead lead, Map<String, Object> model, Map<String, String> details) {
    Optional<Owner> owner =
        lead.mergedInto()
            .flatMap(leads::find)
            .flatMap(Lead::owner)
            .filter(o -> o.role() != Owner.Role.QUEUE);
    model.put("merged", true);
    owner.ifPresent(o -> model.put("mergedOwner", o.name()));
    lead.mergedInto().ifPresent(into -> details.put("mergedInto", into));
    owner.ifPresent(o -> details.put("owner", o.name()));
    return "Prospect acknowledged by email: their submission was added to their open lead"
        + owner.map(o -> ", which " + o.name() + " looks after").orElse("");
  }

  /**
   * The latest of the deadlines the first offer can get: the rules' team's, or an owner's team's
   * when the lead goes to the owner of its company first. Which one applies is only decided when
   * Route Lead runs (is the owner in, under their caps?), so the prospect is promised the time that
   * holds either way.
   */
  private Deadline promise(Lead lead, Score score, Instant now) {
    Set<String> candidates = new LinkedHashSet<>();
    // GetItem Teams (the rules' team, read once for Route Lead too) and Query Leads byEmailDomain
    // (the company's owners, asked once for Route Lead too): the promise must hold for either.
    candidates.add(teams.teamFor(lead).team().teamId());
    candidates.addAll(ownerTeams.apply(lead));
    return candidates.stream()
        .map(team -> deadlines.deadline(Optional.of(score.tier()), team, now))
        .max(Comparator.comparing(Deadline::at))
        .orElseThrow();
  }

  /** Records that the acknowledgement failed after its retries; once per lead. */
  public void recordFailure(String leadId, String error, String cause) {
    if (history.of(leadId).stream()
        .anyMatch(e -> ACKNOWLEDGED.equals(e.type()) || ACKNOWLEDGEMENT_FAILED.equals(e.type()))) {
      return;
    }
    history.record(
        leadId,
        new HistoryEvent(
            clock.instant(),
            ACKNOWLEDGEMENT_FAILED,
            "The prospect's acknowledgement could not be sent (" + error + "); the handoff goes on",
            Map.of("error", error, "cause", cause)));
  }

  private static String greetingName(Submission submission) {
    String first = submission.firstName() == null ? "" : submission.firstName().strip();
    return first.isEmpty() ? "there" : first;
  }
}
