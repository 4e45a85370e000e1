package com.leadhandoff.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.http.HttpApiHandler;
import com.leadhandoff.intake.FieldError;
import com.leadhandoff.json.JsonResponses;
import com.leadhandoff.lead.LeadArchive;
import com.leadhandoff.ownership.Accounts;
import com.leadhandoff.routing.DirectoryConfig;
import com.leadhandoff.routing.DryRun;
import com.leadhandoff.routing.DryRunLeads;
import com.leadhandoff.routing.DryRunPeriod;
import com.leadhandoff.routing.DryRunReport;
import com.leadhandoff.routing.InvalidRoutingRulesException;
import com.leadhandoff.routing.Rep;
import com.leadhandoff.routing.RoutingRules;
import com.leadhandoff.scoring.ScoringModel;
import com.leadhandoff.scoring.ScoringModels;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoRepAdminStore;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code POST /admin/dry-run}: routes {@code {"leads": [...]}} or the stored leads of {@code
 * {"from": "2026-11-01", "to": "2026-11-23"}} against the stored teams and reps and the current
 * rules, or the proposed rules file in {@code "rules"}, and answers where each lead would go and
 * why. It only reads: nothing is stored, sent or counted. A period is at most {@link
 * DryRunPeriod#MAX_DAYS} days, and its merged leads are left out and counted in {@code leftOut}.
 */
public final class DryRunHandler implements HttpApiHandler {
  /** How the proposed rules are named in problems. */
  static final String PROPOSED = "proposed rules";

  private final RepAdminStore directory;
  private final LeadArchive leads;
  private final Supplier<ScoringModel> model;

  /** For Lambda: collaborators from the function's settings. */
  public DryRunHandler() {
    this(Settings.current());
  }

  private DryRunHandler(Settings settings) {
    this(
        new DynamoRepAdminStore(
            AwsClients.dynamo(), settings.require("TEAMS_TABLE"), settings.require("REPS_TABLE")),
        new DynamoLeadStore(AwsClients.dynamo(), settings.require("LEADS_TABLE")),
        ScoringModels::bundled);
  }

  /** For tests: the given directory, stored leads and scoring model. */
  public DryRunHandler(RepAdminStore directory, LeadArchive leads, Supplier<ScoringModel> model) {
    this.directory = directory;
    this.leads = leads;
    this.model = model;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    AdminResponses.Body body = AdminResponses.body(event);
    if (body.refused().isPresent()) {
      return body.refused().get();
    }
    JsonNode request = body.json().orElseThrow();
    List<FieldError> errors = new ArrayList<>();
    DirectoryConfig stored = storedDirectory();
    Optional<DryRunLeads.Replay> entries = entries(request, errors);
    Optional<RoutingRules> rules = rules(request.path("rules"), stored, errors);
    if (!errors.isEmpty()) {
      return AdminResponses.invalid("Nothing was routed: fix the fields below", errors);
    }
    DryRunReport report =
        DryRun.route(
            entries.orElseThrow().entries(),
            rules.orElseThrow(),
            stored,
            model.get(),
            Accounts.bundled(stored));
    String rulesName = request.has("rules") ? PROPOSED : RoutingRules.BUNDLED;
    return JsonResponses.json(
        200,
        request.has("leads")
            ? DryRunJson.of(report, rulesName)
            : DryRunJson.of(report, rulesName).leavingOut(entries.get()));
  }

  private DirectoryConfig storedDirectory() {
    List<Rep> reps = new ArrayList<>();
    directory.teams().forEach(team -> reps.addAll(directory.reps(team.teamId())));
    return new DirectoryConfig(directory.teams(), reps);
  }

  private Optional<DryRunLeads.Replay> entries(JsonNode request, List<FieldError> errors) {
    boolean given = request.has("leads");
    boolean period = request.has("from") || request.has("to");
    if (given == period) {
      errors.add(
          new FieldError(
              "leads",
              "send either \"leads\": [...] (objects with the fields of POST /leads) or \"from\""
                  + " and \"to\" (dates, both included, UTC) to replay the stored leads"));
      return Optional.empty();
    }
    if (given) {
      if (!request.get("leads").isArray()) {
        errors.add(new FieldError("leads", "must be a JSON array of lead objects"));
        return Optional.empty();
      }
      return Optional.of(
          new DryRunLeads.Replay(DryRunLeads.parse("leads", request.get("leads").toString()), 0));
    }
    Optional<LocalDate> from = date(request, "from", errors);
    Optional<LocalDate> to = date(request, "to", errors);
    if (from.isEmpty() || to.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> refused = DryRunPeriod.problem(from.get(), to.get());
    if (refused.isPresent()) {
      errors.add(new FieldError("to", refused.get()));
      return Optional.empty();
    }
    return Optional.of(DryRunLeads.stored(leads.receivedBetween(from.get(), to.get())));
  }

  private static Optional<LocalDate> date(JsonNode request, String field, List<FieldError> errors) {
    JsonNode value = request.get(field);
    if (value == null || !value.isTextual()) {
      errors.add(
          new FieldError(field, "is required: a date written year-month-day, e.g. 2026-11-01"));
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value.asText().trim()));
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldError(
              field,
              "'" + value.asText() + "' is not a date; write year-month-day, e.g. 2026-11-01"));
      return Optional.empty();
    }
  }

  private static Optional<RoutingRules> rules(
      JsonNode rules, DirectoryConfig stored, List<FieldError> errors) {
    if (rules.isMissingNode() || rules.isNull()) {
      Optional<RoutingRules> bundled = RoutingRules.bundled(stored);
      if (bundled.isEmpty()) {
        errors.add(new FieldError("rules", "the functions ship no rules file; send one as text"));
      }
      return bundled;
    }
    if (!rules.isTextual()) {
      errors.add(
          new FieldError("rules", "must be the YAML text of a routing rules file, as one string"));
      return Optional.empty();
    }
    try {
      return Optional.of(RoutingRules.parse(PROPOSED, rules.asText(), stored));
    } catch (InvalidRoutingRulesException e) {
      e.problems().forEach(p -> errors.add(new FieldError("rules", p.toString())));
      return Optional.empty();
    }
  }
}
