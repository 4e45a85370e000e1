package com.leadhandoff.local.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.Projects;
import com.leadhandoff.local.template.Template;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * The local runtime as a user runs it, in a JVM of its own, killed with SIGKILL in the middle of a
 * burst of leads and started again on the same data folder: every lead that got a 2xx carries on to
 * an offer (or its end), and no execution fails because the process died.
 */
class KillNineProcessTest {
  private static final Pattern LEAD_ID = Pattern.compile("\"leadId\"\\s*:\\s*\"([^\"]+)\"");
  private static final int LEADS = 16;

  @TempDir Path data;

  @Test
  void killedMidBurst_everyAcceptedLeadCarriesOnAfterTheRestart_andNoExecutionFails()
      throws Exception {
    // GIVEN a runtime in its own JVM, sent a burst of leads, killed while they run
    ChildRuntime first = start(data);
    List<String> accepted = postBurst(first.baseUrl);
    first.process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    assertTrue(!accepted.isEmpty(), "no lead was accepted before the kill");

    // WHEN it starts again on the same data folder
    ChildRuntime second = start(data);
    try (SfnClient sfn = sfn(second.baseUrl)) {
      // THEN every accepted lead's execution reaches an offer (or ends), and none failed
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
      List<String> pending = accepted;
      while (!pending.isEmpty() && System.nanoTime() < deadline) {
        pending = notYetOffered(sfn, accepted);
        second.process.waitFor(250, TimeUnit.MILLISECONDS);
      }
      Map<String, ExecutionStatus> statuses = statuses(sfn);
      assertEquals(
          List.of(),
          statuses.entrySet().stream()
              .filter(e -> e.getValue() == ExecutionStatus.FAILED)
              .map(Map.Entry::getKey)
              .toList(),
          "failed executions; runtime output:\n" + second.output);
      assertTrue(statuses.keySet().containsAll(accepted), "accepted leads without an execution");
      assertEquals(List.of(), pending, "leads with no offer yet:\n" + second.output);
      // AND every lead event either process published, replayed tasks included, fits its schema
      HttpResponse<String> events =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(second.baseUrl.resolve("/_local/events.json")).build(),
                  HttpResponse.BodyHandlers.ofString());
      com.fasterxml.jackson.databind.JsonNode envelopes =
          com.leadhandoff.json.Json.MAPPER.readTree(events.body());
      assertTrue(envelopes.size() >= accepted.size(), "events of the leads: " + envelopes.size());
      assertEquals(List.of(), com.leadhandoff.local.EventSchemas.problemsOfEnvelopes(envelopes));
    } finally {
      second.process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    }
  }

  /** Posts the leads at once; returns the ids of those answered 2xx before the kill. */
  private static List<String> postBurst(URI base) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
    for (int i = 0; i < LEADS; i++) {
      String body =
          "{\"email\":\"buyer"
              + i
              + "@company"
              + i
              + ".example\",\"firstName\":\"Kim\",\"lastName\":\"Buyer"
              + i
              + "\",\"company\":\"Company "
              + i
              + "\",\"jobTitle\":\"VP Operations\",\"country\":\"de\",\"companySize\":250,"
              + "\"industry\":\"Manufacturing\",\"message\":\"Can we book a demo?\","
              + "\"formId\":\"demo-request\",\"website\":\"\"}";
      posts.add(
          http.sendAsync(
              HttpRequest.newBuilder(base.resolve("/leads"))
                  .header("content-type", "application/json")
                  .header("accept", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    List<String> accepted = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> post : posts) {
      try {
        HttpResponse<String> response = post.get(30, TimeUnit.SECONDS);
        Matcher id = LEAD_ID.matcher(response.body());
        if (response.statusCode() / 100 == 2 && id.find()) {
          accepted.add(id.group(1));
        }
      } catch (Exception e) {
        // not answered: the prospect saw an error and the lead is not counted
      }
    }
    return accepted;
  }

  private static List<String> notYetOffered(SfnClient sfn, List<String> leads) {
    Map<String, ExecutionListItem> byName =
        executions(sfn).stream().collect(Collectors.toMap(ExecutionListItem::name, e -> e));
    List<String> pending = new ArrayList<>();
    for (String lead : leads) {
      ExecutionListItem execution = byName.get(lead);
      if (execution == null
          || execution.status() == ExecutionStatus.RUNNING && !offered(sfn, execution)) {
        pending.add(lead);
      }
    }
    return pending;
  }

  private static boolean offered(SfnClient sfn, ExecutionListItem execution) {
    return sfn
        .getExecutionHistory(r -> r.executionArn(execution.executionArn()).maxResults(1000))
        .events()
        .stream()
        .anyMatch(e -> e.type() == HistoryEventType.TASK_SUBMITTED);
  }

  private static Map<String, ExecutionStatus> statuses(SfnClient sfn) {
    return executions(sfn).stream()
        .collect(Collectors.toMap(ExecutionListItem::name, ExecutionListItem::status));
  }

  private static List<ExecutionListItem> executions(SfnClient sfn) {
    String machine =
        Template.read(Projects.root().resolve("template.yaml"), Map.of())
            .stateMachines()
            .get(0)
            .arn();
    return sfn.listExecutionsPaginator(r -> r.stateMachineArn(machine)).executions().stream()
        .toList();
  }

  private static SfnClient sfn(URI base) {
    return SfnClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .endpointOverride(base.resolve("/_aws/sfn"))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .build();
  }

  private static ChildRuntime start(Path data) throws IOException, InterruptedException {
    return ChildRuntime.start(data, List.of(), List.of(), Duration.ofSeconds(60), line -> {});
  }
}
