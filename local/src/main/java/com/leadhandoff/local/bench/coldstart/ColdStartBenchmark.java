package com.leadhandoff.local.bench.coldstart;

import com.leadhandoff.local.LocalRuntime;
import com.leadhandoff.local.template.LambdaFunction;
import com.leadhandoff.local.template.LocalNames;
import com.leadhandoff.local.template.Template;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * EventBridge on localhost. The workflow steps a new lead goes through, Take In Lead, Offer To Rep
 * and Move Offer On, get a new lead for every run, the AppCDS training run included ({@link
 * FreshLeads}): the lead is posted to the intake API and the runtime runs the workflow up to the
 * step, whose invocation it holds back; the fresh JVM gets that invocation's payload, with the
 * token of the task that waits for it, and does the step's real first work on it: Take In Lead on a
 * lead just stored (RECEIVED) that nothing has taken in (match, score, the joined
 * TransactWriteItems, the acknowledgement email, routing, the lead events, SendTaskSuccess to the
 * waiting task); Offer To Rep the lead's first offer (the offer, its claim, entry and first SLA
 * facts in one TransactWriteItems, the offer email); Move Offer On the move after the rep declined
 * (the offer closed, the lead routed to the next rep, SendTaskSuccess). Each such run is checked to
 * have answered its task, so the local Step Functions took its token. Until 2026-12-05 these rows
 * ran the static fixtures pointed at the demo lead below, which was already taken in, offered and
 * waiting: Take In Lead then took its retry path (the first run re-routed, later ones found
 * everything done), Offer To Rep re-sent the demo lead's open offer once and later only found it (a
 * made-up token each time, which Step Functions refused), and Move Offer On took the reminder path
 * (no I/O but the refused answer). Every other fixture of {@code events/} is pointed at one demo
 * lead, posted and offered first, so those handlers' first invocations do real work (Nurture Lead
 * and Follow Up refuse its state, after the same init and reads).
 *
 * <p>Each child JVM gets the function's environment from {@code template.yaml} (its {@code
 * JAVA_TOOL_OPTIONS} included), the deployment package its {@code CodeUri} names, and nothing of
 * this JVM's classpath but the runtime's serialization library (see {@link BenchClasspath}).
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
    // The table alone on standard output: the runtime's own functions, which now run while the
    // rows do (the workflow of each run's new lead), print their metric lines there.
    PrintStream table = System.out;
    System.setOut(System.err);
    try (LocalRuntime runtime =
        LocalRuntime.builder()
            .projectRoot(project)
            .port(0)
            .inMemory(true)
            .out(new PrintStream(OutputStream.nullOutputStream()))
            .start()) {
      Path events = Files.createDirectories(work.resolve("events"));
      FreshLeads leads = new FreshLeads(runtime, events);
      String leadId = leads.routeDemoLead();
      List<ColdCase> cases = cases(project, events, leads, leadId, only);
      ChildJvm jvm =
          new ChildJvm(
              BenchClasspath.write(work),
              Files.createDirectories(work.resolve("logs")),
              classLog,
              jvmArgs);
      table.printf(
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
        // The last run's answer, which no further preparation checks.
        leads.checkAnswered();
        rows.add(new Row(cold.name(), plain, withCds));
        System.err.println(cold.name() + ": " + plain);
      }
      ColdStartTable.print(rows, table);
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

  private static List<ColdCase> cases(
      Path project, Path events, FreshLeads leads, String leadId, Pattern only) throws Exception {
    Template template = Template.read(project.resolve("template.yaml"), Map.of());
    CodeUris codeUris = CodeUris.of(project);
    Map<String, String> endpoints = endpoints();
    List<ColdCase> cases = new ArrayList<>();
    LambdaFunction putItemAs = template.functionDeclaredAs("TakeInLeadFunction").orElseThrow();
    Path empty = Files.writeString(events.resolve("empty.json"), "{}");
    cases.add(
        new ColdCase(
            "hello world (bare JVM)",
            HelloHandler.class.getName(),
            codeUris.of(putItemAs.logicalId()),
            Fixture.of(empty),
            environment(putItemAs, endpoints)));
    cases.add(
        new ColdCase(
            "one PutItem (same SDK setup)",
            OnePutItemHandler.class.getName(),
            codeUris.of(putItemAs.logicalId()),
            Fixture.of(empty),
            environment(putItemAs, endpoints)));
    for (LambdaFunction function : template.functions()) {
      String fixture = FIXTURES.get(function.logicalId());
      if (fixture == null || !only.matcher(function.logicalId()).find()) {
        continue;
      }
      Fixture event =
          switch (function.logicalId()) {
            case "TakeInLeadFunction" -> leads.takeIn(function.name());
            case "OfferToRepFunction" -> leads.firstOffer(function.name());
            case "MoveOfferOnFunction" -> leads.declined(function.name());
            default -> {
              String json = Files.readString(project.resolve("events").resolve(fixture));
              yield Fixture.of(
                  Files.writeString(
                      events.resolve(fixture),
                      LEAD_ID.matcher(json).replaceAll("$1\"" + leadId + "\"")));
            }
          };
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
}
