package com.leadhandoff.routing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.json.Json;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The {@code DirectorySeed} custom resource: on stack create and update, adds the teams and reps of
 * {@code config/directory.yaml} that are not stored yet and has every team list its reps (teams
 * stored by earlier versions do not); on delete, changes nothing (the directory outlives a failed
 * or removed seed). It always answers CloudFormation, also when seeding fails, so a deploy never
 * hangs on it.
 */
public final class SeedDirectoryHandler implements RequestStreamHandler {
  private final Supplier<DirectoryConfig> config;
  private final Supplier<DirectorySeeder> seeder;

  public SeedDirectoryHandler() {
    this(Settings.current(), AwsClients::dynamo);
  }

  /**
   * Seeds the bundled directory file into {@code TEAMS_TABLE} and {@code REPS_TABLE}. Nothing is
   * built before a request arrives, so a missing setting is answered as FAILED, not left unsaid.
   */
  public SeedDirectoryHandler(Settings settings, Supplier<DynamoDbClient> dynamo) {
    this(DirectoryConfig::bundled, () -> seeder(settings, dynamo.get()));
  }

  /** Both are called per request, so a failure in either is reported to CloudFormation. */
  public SeedDirectoryHandler(Supplier<DirectoryConfig> config, Supplier<DirectorySeeder> seeder) {
    this.config = config;
    this.seeder = seeder;
  }

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
    CustomResource.Request request = Json.MAPPER.readValue(in, CustomResource.Request.class);
    if (request.responseUrl() == null) {
      throw new IllegalArgumentException(
          "Not a CloudFormation custom resource request: no ResponseURL");
    }
    CustomResource.Response response = answer(request, context);
    response.putTo(request.responseUrl());
    Json.MAPPER.writeValue(out, response);
  }

  private CustomResource.Response answer(CustomResource.Request request, Context context) {
    String physicalId =
        request.physicalResourceId().orElse("directory-seed-" + request.requestId());
    try {
      return switch (String.valueOf(request.requestType())) {
        case "Create", "Update" -> seeded(request, physicalId, seeder.get().seed(config.get()));
        case "Delete" ->
            CustomResource.Response.success(
                request, physicalId, "Directory left as stored", Map.of());
        default ->
            CustomResource.Response.failed(
                request, physicalId, "Unknown RequestType " + request.requestType());
      };
    } catch (RuntimeException | LinkageError e) {
      // Whatever went wrong, CloudFormation must hear it, or the stack waits for an hour.
      if (context != null) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        context.getLogger().log(trace.toString());
      }
      return CustomResource.Response.failed(
          request,
          physicalId,
          "Seeding the directory failed: " + (e.getMessage() != null ? e.getMessage() : e));
    }
  }

  private static CustomResource.Response seeded(
      CustomResource.Request request, String physicalId, DirectorySeeder.Result result) {
    String summary =
        String.format(
            "Added %d teams and %d reps; kept %d teams and %d reps already stored",
            result.teamsAdded().size(),
            result.repsAdded().size(),
            result.teamsKept().size(),
            result.repsKept().size());
    Map<String, String> data =
        Map.of(
            "TeamsAdded", Integer.toString(result.teamsAdded().size()),
            "RepsAdded", Integer.toString(result.repsAdded().size()),
            "TeamsKept", Integer.toString(result.teamsKept().size()),
            "RepsKept", Integer.toString(result.repsKept().size()));
    return CustomResource.Response.success(request, physicalId, summary, data);
  }

  private static DirectorySeeder seeder(Settings settings, DynamoDbClient dynamo) {
    DynamoDirectory directory =
        new DynamoDirectory(
            dynamo, settings.require("TEAMS_TABLE"), settings.require("REPS_TABLE"));
    return new DirectorySeeder(directory, directory::save, directory::save, directory::listMembers);
  }
}
