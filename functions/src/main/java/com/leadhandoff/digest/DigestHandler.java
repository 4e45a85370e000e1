package com.leadhandoff.digest;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.aws.Mailers;
import com.leadhandoff.routing.DirectoryConfig;
import com.leadhandoff.routing.RouteLeadHandler;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoDigestClaims;
import com.leadhandoff.store.DynamoDirectory;
import com.leadhandoff.store.DynamoSlaFactsStore;
import com.leadhandoff.task.TaskHandler;

/**
 * The weekly manager digest, invoked hourly by an EventBridge Scheduler schedule with {@code
 * {"digest": "weekly"}}: each run sends the digests due in the teams' own zones (Monday 08:00
 * local), so one schedule serves teams in any zone, across daylight-saving changes.
 */
public final class DigestHandler extends TaskHandler<JsonNode, WeeklyDigest.Run> {
  private final WeeklyDigest digest;

  /** For Lambda: collaborators from the function's settings. */
  public DigestHandler() {
    this(Settings.current());
  }

  private DigestHandler(Settings settings) {
    this(
        new WeeklyDigest(
            () ->
                DigestTeams.of(
                    DirectoryConfig.bundled(),
                    new DynamoDirectory(
                        AwsClients.dynamo(),
                        settings.require("TEAMS_TABLE"),
                        settings.require("REPS_TABLE")),
                    RouteLeadHandler.bundledPolicy()),
            new DynamoSlaFactsStore(AwsClients.dynamo(), settings.require("SLA_FACTS_TABLE")),
            new DynamoDigestClaims(AwsClients.dynamo(), settings.require("DIGEST_CLAIMS_TABLE")),
            Mailers.from(settings),
            settings.clock()));
  }

  /** For tests: the digest to run. */
  public DigestHandler(WeeklyDigest digest) {
    super(JsonNode.class);
    this.digest = digest;
  }

  @Override
  protected WeeklyDigest.Run handle(JsonNode event) {
    if (!"weekly".equals(event.path("digest").asText())) {
      throw new IllegalArgumentException(
          "The digest function takes {\"digest\": \"weekly\"} from its schedule, not: " + event);
    }
    return digest.run();
  }
}
