package com.leadhandoff.local.bench.coldstart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadhandoff.local.LocalRuntime;
import com.leadhandoff.local.template.LambdaFunction;
import com.leadhandoff.local.template.LocalNames;
import com.leadhandoff.local.template.Template;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Times each handler's first invocation in a fresh JVM, as a Lambda cold start without SnapStart,
 * against a bare-JVM hello world and a handler that makes one PutItem with the functions' own SDK
 * setup; without and with an AppCDS archive. Prints a Markdown table: elapsed time from process
 * start to the first response, and the CPU time the process used by then (the median run by CPU
 * time, which a shared machine disturbs far less than elapsed time), each set against the one
 * PutItem handler's.
 *
 * <pre>
 *   java -cp local/target/lead-handoff-local.jar \
 *       com.leadhandoff.local.bench.coldstart.ColdStartBenchmark [--runs 3] [--only REGEX]
 *       [--no-cds] [--class-log] [--jvm-arg ARG]... [--project DIR]
 * </pre>
 *
 * <p>The local runtime runs in this JVM (in memory) and serves DynamoDB, Step Functions, SES and
 * EventBridge on localhost; one demo lead is posted and routed first, and every event fixture of
 * {@code events/} is pointed at that lead, so the handlers' first invocations do real work. Each
 * child JVM gets the function's environment from {@code template.yaml} (its {@code
 * JAVA_TOOL_OPTIONS} included), the deployment package its {@code CodeUri} names, and nothing of
 * this JVM's classpath but the runtime's serialization library (see {@link BenchClasspath}).
 *
 * <p>The demo lead is taken in, offered and waiting when the rows run, so Take In Lead's fixture
 * takes the step's retry path: the first run of its row (the AppCDS training run, or the one run of
 * {@code --runs 1}) routes the lead again, as it was offered since (about 280 classes more), and
 * notes the acknowledgement as unconfirmed; the later runs find that route and every other step
 * done. A new lead's first invocation does more than either: the joined TransactWriteItems, the
 * acknowledgement email, the lead events.
 *
 * <p>{@code --jvm-arg} (repeatable) adds a flag to every child JVM, the baselines' too, for a look
 * inside a run, e.g. {@code --jvm-arg -XX:StartFlightRecording=filename=/tmp/cold.jfr} or {@code
 * --jvm-arg -Xint}; the table's figures are comparable only between runs with the same flags.
 * {@code %s} in an argument stands for the row's name, so each row's recording gets a file of its
 * own ({@code filename=/tmp/%s.jfr}; each run of a row overwrites it).
 */
public final class ColdStartBenchmark {
  private static final Pattern LEAD_ID = Pattern.compile("(\"leadId\"\\s*:\\s*)\"[^\"]*\"");

  /** The fixture of each function's first invocation; functions without one are not timed. */
  private static final Map<String, String> FIXTURES =
      Map.ofEntries(
          Map.entry("IntakeFunction", "intake-json.json"),
          Map.entry("ShowOfferFunction", "show-offer.json"),
          Map.entry("RespondToOfferFunction", "accept-offer.json"),
          Map.entry("ShowOutcomeFunction", "show-outcome.json"),
          Map.entry("RecordOutcomeFunction", "record-outcome.json"),
          Map.entry("LeadOutcomeAdminFunction", "admin-lead-outcome.json"),
          Map.entry("SlaReportAdminFunction", "admin-sla-report.json"),
          Map.entry("RepsAdminFunction", "admin-put-rep.json"),
          Map.entry("DryRunFunction", "admin-dry-run.json"),
          Map.entry("TakeInLeadFunction", "take-in-lead.json"),
          Map.entry("NurtureLeadFunction", "nurture-lead.json"),
          Map.entry("RecycleLeadFunction", "recycle-lead.json"),
          Map.entry("OfferToRepFunction", "offer-to-rep.json"),
          Map.entry("MoveOfferOnFunction", "move-offer-on.json"),
          Map.entry("CloseOfferFunction", "close-offer.json"),
          Map.entry("EscalateToManagerFunction", "escalate-to-manager.json"),
          Map.entry("QueueLeadFunction", "queue-lead.json"),
          Map.entry("FollowUpFunction", "follow-up.json"),
          Map.entry("ParkLeadFunction", "park-lead.json"),
          Map.entry("WatchdogFunction", "watchdog-sweep.json"),
          Map.entry("DigestFunction", "digest-weekly.json"),
          Map.entry("EmailFeedbackFunction", "email-feedback-bounce.json"));

  private ColdStartBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = 3;
    boolean cds = true;
    boolean classLog = false;
    List<String> jvmArgs = new ArrayList<>();
    Pattern only = Pattern.compile(".*");
    Path project = Path.of("").toAbsolutePath();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--only" -> only = Pattern.compile(args[++i]);
        case "--no-cds" -> cds = false;
        case "--class-log" -> classLog = true;
        case "--jvm-arg" -> jvmArgs.add(args[++i]);
        case "--project" -> project = Path.of(args[++i]).toAbsolutePath();
        default -> {
          System.err.println(
              "usage: [--runs N] [--only REGEX] [--no-cds] [--class-log] [--jvm-arg ARG]..."
                  + " [--project DIR]; unknown "
                  + args[i]);
          System.exit(2);
        }
      }
    }
    Path work = Files.createTempDirectory("cold-start");
    try (LocalRuntime runtime =
        LocalRuntime.builder()
            .projectRoot(project)
            .port(0)
            .inMemory(true)
            .out(new PrintStream(OutputStream.nullOutputStream()))
            .start()) {
      String leadId = routeOneLead(runtime);
      List<ColdCase> cases = cases(project, work, leadId, only);
      ChildJvm jvm =
          new ChildJvm(
              BenchClasspath.write(work),
              Files.createDirectories(work.resolve("logs")),
              classLog,
              jvmArgs);
      System.out.printf(
          Locale.ROOT,
          "%d CPUs, %s, median of %d fresh JVMs per row; logs in %s%n%n",
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
          runs,
          work.resolve("logs"));
      List<Row> rows = new ArrayList<>();
      for (ColdCase cold : cases) {
        ColdRun plain = median(jvm, cold, runs, Optional.empty());
        Optional<ColdRun> withCds = Optional.empty();
        if (cds) {
          Path archive = work.resolve(cold.name() + ".jsa");
          jvm.run(cold, Optional.of(archive), true);
          withCds = Optional.of(median(jvm, cold, runs, Optional.of(archive)));
        }
        rows.add(new Row(cold.name(), plain, withCds));
        System.err.println(cold.name() + ": " + plain);
      }
      ColdStartTable.print(rows, System.out);
    }
    System.exit(0);
  }

  private static ColdRun median(ChildJvm jvm, ColdCase cold, int runs, Optional<Path> archive) {
    ColdRun[] all = new ColdRun[runs];
    for (int i = 0; i < runs; i++) {
      all[i] = jvm.run(cold, archive, false);
    }
    Arrays.sort(all, (a, b) -> Double.compare(a.cpuMs(), b.cpuMs()));
    return all[runs / 2];
  }

  /** One table row: a case without and with its AppCDS archive. */
  record Row(String name, ColdRun plain, Optional<ColdRun> cds) {}

  private static List<ColdCase> cases(Path project, Path work, String leadId, Pattern only)
      throws Exception {
    Template template = Template.read(project.resolve("template.yaml"), Map.of());
    CodeUris codeUris = CodeUris.of(project);
    Map<String, String> endpoints = endpoints();
    Path events = Files.createDirectories(work.resolve("events"));
    List<ColdCase> cases = new ArrayList<>();
    LambdaFunction putItemAs = template.functionDeclaredAs("TakeInLeadFunction").orElseThrow();
    Path empty = Files.writeString(events.resolve("empty.json"), "{}");
    cases.add(
        new ColdCase(
            "hello world (bare JVM)",
            HelloHandler.class.getName(),
            codeUris.of(putItemAs.logicalId()),
            empty,
            environment(putItemAs, endpoints)));
    cases.add(
        new ColdCase(
            "one PutItem (same SDK setup)",
            OnePutItemHandler.class.getName(),
            codeUris.of(putItemAs.logicalId()),
            empty,
            environment(putItemAs, endpoints)));
    for (LambdaFunction function : template.functions()) {
      String fixture = FIXTURES.get(function.logicalId());
      if (fixture == null || !only.matcher(function.logicalId()).find()) {
        continue;
      }
      String json = Files.readString(project.resolve("events").resolve(fixture));
      Path event =
          Files.writeString(
              events.resolve(fixture), LEAD_ID.matcher(json).replaceAll("$1\"" + leadId + "\""));
      cases.add(
          new ColdCase(
              function.logicalId(),
              function.handlerClass(),
              codeUris.of(function.logicalId()),
              event,
              environment(function, endpoints)));
    }
    return cases;
  }

  private static Map<String, String> environment(
      LambdaFunction function, Map<String, String> endpoints) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("AWS_REGION", LocalNames.REGION);
    env.put("AWS_DEFAULT_REGION", LocalNames.REGION);
    env.put("AWS_ACCESS_KEY_ID", LocalNames.ACCESS_KEY_ID);
    env.put("AWS_SECRET_ACCESS_KEY", LocalNames.SECRET_ACCESS_KEY);
    env.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(function.memorySize()));
    // EMF lines to stdout, as the local runtime has them, instead of an agent.
    env.put("AWS_EMF_ENVIRONMENT", "Local");
    env.putAll(function.environment());
    env.putAll(endpoints);
    return env;
  }

  /** The local services' endpoints, which the runtime set as the SDK's system properties. */
  private static Map<String, String> endpoints() {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_ENDPOINT_URL_DYNAMODB", System.getProperty("aws.endpointUrlDynamoDb"));
    env.put("AWS_ENDPOINT_URL_SFN", System.getProperty("aws.endpointUrlSfn"));
    env.put("AWS_ENDPOINT_URL_SESV2", System.getProperty("aws.endpointUrlSesV2"));
    env.put("AWS_ENDPOINT_URL_EVENTBRIDGE", System.getProperty("aws.endpointUrlEventBridge"));
    env.values()
        .forEach(
            v -> {
              if (v == null) {
                throw new IllegalStateException("the local runtime set no SDK endpoint " + env);
              }
            });
    return env;
  }

  /** Posts the demo lead and waits until its offer email is out; returns its id. */
  private static String routeOneLead(LocalRuntime runtime) throws Exception {
    String body =
        "{\"email\":\"dana@cold-start.example\",\"firstName\":\"Dana\",\"lastName\":\"Cold\","
            + "\"company\":\"Cold Start GmbH\",\"jobTitle\":\"VP Operations\",\"country\":\"DE\","
            + "\"companySize\":250,\"industry\":\"Software\",\"formId\":\"demo-request\","
            + "\"message\":\"We would like a demo.\"}";
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(runtime.baseUrl().resolve(URI.create("/leads")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202) {
      throw new IllegalStateException("intake answered " + response.statusCode());
    }
    String leadId = new ObjectMapper().readTree(response.body()).path("leadId").asText();
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (runtime.outbox().newestFirst().stream()
        .noneMatch(m -> m.subject().startsWith("New lead for you:"))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the demo lead got no offer email in two minutes");
      }
      Thread.sleep(50);
    }
    return leadId;
  }
}
