package com.leadhandoff.deliverability;

import com.leadhandoff.admin.RepAdminStore;
import com.leadhandoff.admin.RepChange;
import com.leadhandoff.email.EmailTemplates;
import com.leadhandoff.email.Mailer;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.routing.Rep;
import com.leadhandoff.routing.Team;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Acts on a bounce or complaint. A rep's address: the rep is paused (out of the rotation, so no
 * more offers go where nobody reads them; the admin API's resume puts them back) and the team's
 * manager, else the fallback manager, is told why. A prospect's address: the lead gets a history
 * entry and a flag, so whoever works it knows email does not reach them.
 */
public final class EmailFeedbackHandling {
  /** History type on a lead whose prospect's email bounced or drew a complaint. */
  public static final String PROSPECT_EMAIL_FAILED = "PROSPECT_EMAIL_FAILED";

  /** What was done for one address. */
  public record Action(String address, String what) {}

  private final RepAdminStore reps;
  private final LeadHistory history;
  private final LeadFlags flags;
  private final Mailer mailer;
  private final String fallbackManager;
  private final Clock clock;

  /**
   * @param fallbackManager alerted for a rep whose team has no manager address
   */
  public EmailFeedbackHandling(
      RepAdminStore reps,
      LeadHistory history,
      LeadFlags flags,
      Mailer mailer,
      String fallbackManager,
      Clock clock) {
    this.reps = reps;
    this.history = history;
    this.flags = flags;
    this.mailer = mailer;
    this.fallbackManager = fallbackManager;
    this.clock = clock;
  }

  /** Handles every recipient of {@code feedback}; safe to run again for the same event. */
  public List<Action> handle(EmailFeedback feedback) {
    List<Action> actions = new ArrayList<>();
    for (String address : feedback.recipients()) {
      Optional<RepOfTeam> rep = repWithAddress(address);
      if (rep.isPresent()) {
        actions.add(takeOutOfRotation(rep.get(), feedback));
      } else if (feedback.leadId().isPresent()) {
        actions.add(markLead(feedback.leadId().get(), address, feedback));
      } else {
        actions.add(new Action(address, "ignored: neither a rep nor a lead's prospect"));
      }
    }
    return actions;
  }

  private record RepOfTeam(Rep rep, Team team) {}

  private Optional<RepOfTeam> repWithAddress(String address) {
    for (Team team : reps.teams()) {
      for (Rep rep : reps.reps(team.teamId())) {
        if (rep.email().equalsIgnoreCase(address.strip())) {
          return Optional.of(new RepOfTeam(rep, team));
        }
      }
    }
    return Optional.empty();
  }

  private Action takeOutOfRotation(RepOfTeam found, EmailFeedback feedback) {
    Rep rep = found.rep();
    if (rep.paused()) {
      // Only the event that paused the rep alerts: a redelivered event, or a manager who is a rep
      // with a failing address (whose alert would bounce in turn), must not start a loop.
      return new Action(rep.email(), "rep " + rep.repId() + " already paused; no new alert");
    }
    String what = describe(feedback);
    reps.setPaused(
        rep.repId(),
        true,
        new RepChange(clock.instant(), "SES " + what, "paused: their email address " + what));
    String to =
        Optional.ofNullable(found.team().managerEmail())
            .filter(m -> !m.isBlank())
            .orElse(fallbackManager);
    Map<String, Object> model = new HashMap<>();
    model.put("managerName", Optional.ofNullable(found.team().managerName()).orElse(""));
    model.put("rep", Map.of("name", rep.name(), "email", rep.email(), "id", rep.repId()));
    model.put("team", found.team().name());
    model.put("what", what);
    model.put("reason", feedback.reason());
    mailer.send(EmailTemplates.render("rep-address-failed", to, model));
    return new Action(rep.email(), "paused rep " + rep.repId() + ", alerted " + to);
  }

  private Action markLead(String leadId, String address, EmailFeedback feedback) {
    Instant now = clock.instant();
    if (!flags.markProspectAddress(leadId, feedback.kind(), now)) {
      return new Action(address, "ignored: lead " + leadId + " is not stored");
    }
    String what = describe(feedback);
    boolean recorded =
        history.of(leadId).stream()
            .anyMatch(
                e ->
                    PROSPECT_EMAIL_FAILED.equals(e.type())
                        && address.equalsIgnoreCase(e.details().get("email"))
                        && feedback.kind().name().equals(e.details().get("kind")));
    if (!recorded) {
      history.record(
          leadId,
          new HistoryEvent(
              now,
              PROSPECT_EMAIL_FAILED,
              "Email to the prospect "
                  + what
                  + " ("
                  + feedback.reason()
                  + "): reach them another way",
              Map.of("email", address, "kind", feedback.kind().name())));
    }
    return new Action(address, "marked lead " + leadId);
  }

  private static String describe(EmailFeedback feedback) {
    return feedback.kind() == EmailFeedback.Kind.BOUNCE ? "bounced" : "drew a spam complaint";
  }
}
