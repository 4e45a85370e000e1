package com.leadhandoff.outcome;

import com.leadhandoff.lead.Lead;
import com.leadhandoff.offer.OfferToken;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What an outcome link shows ({@link #show}, which only reads: mail scanners open links before the
 * rep does) and what posting its form does ({@link #record}).
 */
public final class OutcomeLinks {
  private final OutcomeLinkStore links;
  private final Outcomes outcomes;
  private final Clock clock;

  public OutcomeLinks(OutcomeLinkStore links, Outcomes outcomes, Clock clock) {
    this.links = links;
    this.outcomes = outcomes;
    this.clock = clock;
  }

  /**
   * The page of the link with {@code token}.
   *
   * @param chosen the {@code outcome} query parameter of the email's link, if any
   */
  public OutcomeView show(String token, String chosen) {
    return usable(token)
        .map(
            found ->
                found.open(
                    outcomes.stage(found.link().leadId()),
                    Outcome.parse(chosen),
                    Optional.empty(),
                    "",
                    Optional.empty()))
        .orElseGet(() -> refusal(token));
  }

  /**
   * Records the outcome the form posted to the link with {@code token}.
   *
   * @param form the form's fields: {@code outcome}, {@code reason} (for DISQUALIFIED), {@code note}
   */
  public OutcomeView record(String token, Map<String, String> form) {
    Optional<Found> usable = usable(token);
    if (usable.isEmpty()) {
      return refusal(token);
    }
    Found found = usable.get();
    Optional<Outcome> outcome = Outcome.parse(form.get("outcome"));
    Optional<DisqualifyReason> reason =
        outcome
            .filter(Outcome::needsReason)
            .flatMap(o -> DisqualifyReason.parse(form.get("reason")));
    String note = Optional.ofNullable(form.get("note")).orElse("");
    Optional<String> problem =
        outcome.isEmpty()
            ? Optional.of("Please choose what became of the lead.")
            : outcome.get().needsReason() && reason.isEmpty()
                ? Optional.of("Please choose why the lead is disqualified.")
                : note.length() > OutcomeReport.MAX_NOTE
                    ? Optional.of(
                        "The note is longer than "
                            + OutcomeReport.MAX_NOTE
                            + " characters; please shorten it.")
                    : Optional.empty();
    if (problem.isPresent()) {
      return found.open(outcomes.stage(found.link().leadId()), outcome, reason, note, problem);
    }
    OutcomeReport report =
        new OutcomeReport(
            outcome.get(),
            reason,
            Optional.of(note),
            clock.instant(),
            found.link().ownerId(),
            OutcomeReport.Source.LINK);
    OutcomeResult result = outcomes.record(found.link().leadId(), report);
    if (result instanceof OutcomeResult.NotOwned notOwned) {
      return new OutcomeView.Closed(found.link(), found.lead(), notOwned.status());
    }
    if (result instanceof OutcomeResult.UnknownLead) {
      return new OutcomeView.Unknown();
    }
    return new OutcomeView.Done(found.link(), found.lead(), result);
  }

  /** A live link and its lead, which still takes outcomes. */
  private record Found(OutcomeLink link, Lead lead) {
    OutcomeView open(
        Optional<Stage> stage,
        Optional<Outcome> chosen,
        Optional<DisqualifyReason> reason,
        String note,
        Optional<String> problem) {
      return new OutcomeView.Open(link, lead, stage, chosen, reason, note, problem);
    }
  }

  private Optional<Found> usable(String token) {
    return find(token)
        .filter(link -> link.liveAt(clock.instant()))
        .flatMap(link -> outcomes.lead(link.leadId()).map(lead -> new Found(link, lead)))
        .filter(found -> LeadStages.OWNED.contains(found.lead().status()));
  }

  /** Why the link with {@code token} is not {@link #usable}. */
  private OutcomeView refusal(String token) {
    Optional<OutcomeLink> link = find(token);
    if (link.isEmpty()) {
      return new OutcomeView.Unknown();
    }
    if (!link.get().liveAt(clock.instant())) {
      return new OutcomeView.Expired(link.get());
    }
    return outcomes
        .lead(link.get().leadId())
        .<OutcomeView>map(lead -> new OutcomeView.Closed(link.get(), lead, lead.status()))
        .orElseGet(OutcomeView.Unknown::new);
  }

  private Optional<OutcomeLink> find(String token) {
    // Malformed input never reaches the store; the hash is compared again in constant time.
    return OfferToken.parse(token)
        .flatMap(t -> links.find(t.hash()).filter(link -> t.matches(link.tokenHash())));
  }
}
