package com.leadhandoff.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.http.HttpApiHandler;
import com.leadhandoff.intake.FieldError;
import com.leadhandoff.json.JsonResponses;
import com.leadhandoff.routing.RepFields;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoRepAdminStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The IAM-authorized reps admin API: {@code GET /admin/reps}, {@code GET|PUT /admin/reps/{repId}},
 * {@code PUT /admin/reps/{repId}/out-of-office} and {@code POST /admin/reps/{repId}/pause|resume}.
 */
public final class RepsAdminHandler implements HttpApiHandler {
  private final RepAdmin admin;
  private final Clock clock;

  /** For Lambda: collaborators from the function's settings. */
  public RepsAdminHandler() {
    this(Settings.current());
  }

  private RepsAdminHandler(Settings settings) {
    this(
        new DynamoRepAdminStore(
            AwsClients.dynamo(), settings.require("TEAMS_TABLE"), settings.require("REPS_TABLE")),
        settings.clock());
  }

  /** For tests: the given store and clock. */
  public RepsAdminHandler(RepAdminStore store, Clock clock) {
    this.admin = new RepAdmin(store, clock);
    this.clock = clock;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String repId = AdminResponses.pathParameter(event, "repId");
    String by = AdminResponses.caller(event);
    String route = String.valueOf(event.getRouteKey());
    if (route.contains("{repId}")) {
      // The reps table also holds load# and audit# rows; an id no rep can have is refused before
      // the table is read, so no route can show or overwrite one of them.
      Optional<FieldError> badId = RepFields.idProblem(repId);
      if (badId.isPresent()) {
        return AdminResponses.invalid("No rep can have this id", List.of(badId.get()));
      }
    }
    return switch (route) {
      case "GET /admin/reps" -> JsonResponses.json(200, Map.of("teams", teams()));
      case "GET /admin/reps/{repId}" ->
          admin
              .rep(repId)
              .map(
                  rep ->
                      JsonResponses.json(
                          200,
                          Map.of("rep", RepView.of(rep, clock), "changes", admin.changes(repId))))
              .orElseGet(() -> notFound(repId));
      case "PUT /admin/reps/{repId}" -> withBody(event, (body, who) -> admin.put(repId, body, who));
      case "PUT /admin/reps/{repId}/out-of-office" ->
          withBody(event, (body, who) -> admin.outOfOffice(repId, body, who));
      case "POST /admin/reps/{repId}/pause" -> respond(admin.pause(repId, by));
      case "POST /admin/reps/{repId}/resume" -> respond(admin.resume(repId, by));
      default -> AdminResponses.error(404, "No admin route " + event.getRouteKey());
    };
  }

  private List<Map<String, Object>> teams() {
    return admin.list().stream()
        .map(
            t ->
                Map.<String, Object>of(
                    "id", t.team().teamId(),
                    "name", t.team().name(),
                    "reps", t.reps().stream().map(rep -> RepView.of(rep, clock)).toList()))
        .toList();
  }

  private APIGatewayV2HTTPResponse withBody(
      APIGatewayV2HTTPEvent event, BiFunction<JsonNode, String, RepAdmin.Outcome> change) {
    AdminResponses.Body body = AdminResponses.body(event);
    return body.refused()
        .orElseGet(
            () -> respond(change.apply(body.json().orElseThrow(), AdminResponses.caller(event))));
  }

  private APIGatewayV2HTTPResponse respond(RepAdmin.Outcome outcome) {
    if (outcome instanceof RepAdmin.Saved saved) {
      return JsonResponses.json(
          saved.created() ? 201 : 200, Map.of("rep", RepView.of(saved.rep(), clock)));
    }
    if (outcome instanceof RepAdmin.Invalid invalid) {
      return AdminResponses.invalid(
          "The rep was not changed: fix the fields below", invalid.errors());
    }
    return notFound(((RepAdmin.NotFound) outcome).repId());
  }

  private static APIGatewayV2HTTPResponse notFound(String repId) {
    return AdminResponses.error(
        404, "No rep '" + repId + "'; add it with PUT /admin/reps/" + repId);
  }
}
