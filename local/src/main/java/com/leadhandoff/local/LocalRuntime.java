package com.leadhandoff.local;

import com.leadhandoff.dynamodb.table.CapacityMeter;
import com.leadhandoff.local.api.ApiServer;
import com.leadhandoff.local.asl.engine.ExecutionEngine;
import com.leadhandoff.local.asl.engine.ExecutionStore;
import com.leadhandoff.local.asl.engine.FileExecutionStore;
import com.leadhandoff.local.asl.engine.FileStateMachineStore;
import com.leadhandoff.local.asl.engine.RestoredExecutions;
import com.leadhandoff.local.asl.engine.StateMachineType;
import com.leadhandoff.local.asl.engine.StepFunctionsException;
import com.leadhandoff.local.clock.RealClock;
import com.leadhandoff.local.clock.RuntimeClock;
import com.leadhandoff.local.clock.SavedTime;
import com.leadhandoff.local.clock.ScaledClock;
import com.leadhandoff.local.clock.VirtualClock;
import com.leadhandoff.local.dynamo.LocalDynamo;
import com.leadhandoff.local.dynamo.Tables;
import com.leadhandoff.local.eventbridge.EventBridgeEndpoint;
import com.leadhandoff.local.eventbridge.EventBuses;
import com.leadhandoff.local.eventbridge.WebhookForwarder;
import com.leadhandoff.local.events.EventRules;
import com.leadhandoff.local.events.ExecutionStatusEvents;
import com.leadhandoff.local.events.Schedules;
import com.leadhandoff.local.faults.Faults;
import com.leadhandoff.local.lambda.InvocationMeter;
import com.leadhandoff.local.lambda.LocalFunctions;
import com.leadhandoff.local.ses.MailboxSimulator;
import com.leadhandoff.local.ses.Outbox;
import com.leadhandoff.local.ses.SesEndpoint;
import com.leadhandoff.local.sfn.FunctionInvoker;
import com.leadhandoff.local.sfn.RefusedStateMachine;
import com.leadhandoff.local.sfn.StepFunctionsBackend;
import com.leadhandoff.local.sfn.StepFunctionsEndpoint;
import com.leadhandoff.local.template.CustomResource;
import com.leadhandoff.local.template.HttpRoute;
import com.leadhandoff.local.template.LocalNames;
import com.leadhandoff.local.template.StateMachine;
import com.leadhandoff.local.template.Template;
import com.leadhandoff.local.template.TemplateException;
import com.leadhandoff.local.transport.InProcessEndpoints;
import com.leadhandoff.local.transport.SdkTransport;
import com.leadhandoff.local.ui.ClockPanel;
import com.leadhandoff.local.ui.DynamoLeadRecords;
import com.leadhandoff.local.ui.LeadRecords;
import com.leadhandoff.local.ui.LeadsPage;
import com.leadhandoff.local.ui.LocalUi;
import com.leadhandoff.local.ui.ReportsPage;
import com.leadhandoff.local.ui.RepsPage;
import com.leadhandoff.store.DynamoSlaFactsStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The project's {@code template.yaml} running on this machine: our DynamoDB engine (or the DynamoDB
 * given with {@code --dynamodb-endpoint}) with the template's tables, every function in-process
 * with its own settings, the HttpApi routes on localhost, the custom resources created once per
 * fresh data folder, the template's state machines on the local ASL engine behind a Step Functions
 * endpoint (executions kept in the data folder, so waiting ones carry on after a restart), an SES
 * endpoint filling the outbox, the web UI, and any further {@link LocalExtension}s, all on the same
 * port. Build with {@link #builder()}; {@link #close()} stops everything.
 */
public final class LocalRuntime implements AutoCloseable {
  /** Where the Step Functions API is served; {@code aws.endpointUrlSfn} points here. */
  public static final String STEP_FUNCTIONS_PATH = "/_aws/sfn";

  /** Where the SES v2 API is served; {@code aws.endpointUrlSesV2} points here. */
  public static final String SES_PATH = "/_aws/ses";

  /** Where the EventBridge API is served; {@code aws.endpointUrlEventBridge} points here. */
  public static final String EVENTBRIDGE_PATH = "/_aws/events";

  /** Where the web UI is served. */
  public static final String UI_PATH = "/_local/";

  /** The data folder's file where events put on the buses are kept between runs. */
  /** The system property the functions' log4j2.properties takes its level from, before the env. */
  static final String LOG_LEVEL_PROPERTY = "leadhandoff.logLevel";

  static {
    // Every handler logs a JSON line per step, as on Lambda; on this console only warnings and
    // errors of the handlers show (set -Dleadhandoff.logLevel=INFO to see them all). Set before
    // Log4j starts, which is at the first logger any handler or SDK client asks for.
    if (System.getProperty(LOG_LEVEL_PROPERTY) == null) {
      System.setProperty(LOG_LEVEL_PROPERTY, "WARN");
    }
    // Starting Log4j and its JSON layout takes a moment (seconds on a busy machine): do it while
    // the runtime starts, not inside the first lead's first step, where a sped-up clock would
    // count it as many minutes of the lead's SLA.
    Thread warmUp = new Thread(org.slf4j.LoggerFactory::getILoggerFactory, "log-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
  }

  private static final String EVENTS_FILE = "events.jsonl";

  private static final String CREATED_MARKER = "stack-created";

  /** Where the runtime's time is kept between runs, in the data folder. */
  private static final String CLOCK_FILE = "runtime-clock";

  /** The data folder's subfolder where executions are kept between runs. */
  private static final String EXECUTIONS = "executions";

  private static final String STATE_MACHINES = "state-machines";

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final SdkSettings sdk = new SdkSettings();
  private LocalServices services;
  private ExecutionEngine engine;
  private LocalDynamo dynamo;
  private LocalFunctions functions;
  private volatile Schedules schedules;
  private Outbox outbox;
  private EventBuses buses;
  private RuntimeClock clock;
  private final Faults faults = new Faults();
  private boolean closed;

  private LocalRuntime() {}

  /** A builder with the defaults: current folder, port 3000, real clock, data in .local-data/. */
  public static Builder builder() {
    return new Builder();
  }

  /** What the runtime offers, e.g. to tests: the template, functions, URLs, clock. */
  public LocalServices services() {
    return services;
  }

  /** The base URL of the API, e.g. {@code http://localhost:3000}. */
  public URI baseUrl() {
    return services.baseUrl();
  }

  /** The engine running the template's state machines (tests wait on {@code awaitIdle}). */
  public ExecutionEngine engine() {
    return engine;
  }

  /** Every email the functions sent through SES. */
  public Outbox outbox() {
    return outbox;
  }

  /** How often each function ran and for how long. */
  public InvocationMeter invocations() {
    return functions.meter();
  }

  /**
   * The capacity the served DynamoDB's requests consumed; empty with {@code --dynamodb-endpoint}.
   */
  public Optional<CapacityMeter> dynamoCapacity() {
    return dynamo.consumedCapacity();
  }

  /** Failures to produce on purpose: throttled functions, refused email recipients. */
  public Faults faults() {
    return faults;
  }

  /** The clock the functions and the engine tell time by. */
  public RuntimeClock clock() {
    return clock;
  }

  private void start(Builder b) {
    clock = b.clock;
    if (clock == null) {
      clock = ownClock(b);
    }
    ApiServer server = ApiServer.start(b.port);
    started.push(server);
    URI baseUrl = server.baseUrl();

    Path templateFile = b.projectRoot.resolve("template.yaml");
    Map<String, String> parameters = new LinkedHashMap<>(b.parameters);
    Template template = Template.read(templateFile, Map.of());
    if (template.parameters().containsKey(b.baseUrlParameter)) {
      parameters.putIfAbsent(b.baseUrlParameter, baseUrl.toString());
    }
    template = Template.read(templateFile, parameters);
    template.warnings().forEach(w -> b.out.println("note: " + w));

    Optional<Path> dataDir = b.inMemory ? Optional.empty() : Optional.of(b.dataDir());
    dynamo =
        b.dynamoEndpoint != null
            ? LocalDynamo.external(b.dynamoEndpoint)
            : LocalDynamo.start(dataDir.map(d -> d.resolve("dynamodb")), clock.clock());
    started.push(dynamo);
    dataDir
        .map(d -> d.resolve("dynamodb"))
        .filter(d -> dynamo.served() && LocalDynamo.hasOldEngineData(d))
        .ifPresent(
            d ->
                b.out.println(
                    "note: "
                        + d
                        + " also holds tables of DynamoDB Local, which this runtime no longer"
                        + " reads; they are left as they are (delete the folder's"
                        + " shared-local-instance.db, or start with a fresh --data-dir)"));
    // An external DynamoDB (LocalStack, a region) is reached with the caller's own AWS settings
    // where they have them; the local services accept any credentials.
    boolean callerCredentials = !dynamo.served() && Tables.callerHasCredentials();
    try (DynamoDbClient client =
        callerCredentials
            ? Tables.callerClient(dynamo.endpoint())
            : Tables.client(dynamo.endpoint())) {
      List<String> created = Tables.createMissing(client, template.tables());
      if (!dynamo.served()) {
        b.out.println(
            "note: DynamoDB at "
                + dynamo.endpoint()
                + ": "
                + (created.isEmpty() ? "all tables existed" : "created " + created));
      }
    }
    sdk.apply(
        LocalNames.REGION,
        dynamo.endpoint(),
        baseUrl.resolve(STEP_FUNCTIONS_PATH),
        baseUrl.resolve(SES_PATH),
        baseUrl.resolve(EVENTBRIDGE_PATH),
        callerCredentials,
        b.sdkTransport);
    started.push(sdk::restore);
    if (b.sdkTransport == SdkTransport.IN_PROCESS) {
      // Before any function runs (custom resources below): their calls to these two servers are
      // handed to the servers' handlers in-process; anything else goes over the network.
      started.push(InProcessEndpoints.register(server.port(), server.contexts()));
      if (dynamo.served()) {
        started.push(
            InProcessEndpoints.register(
                dynamo.endpoint().getPort(), dynamo.contexts().orElseThrow()));
      }
    }

    functions = new LocalFunctions(template.functions(), clock.clock(), b.classLoader);
    server.serve(template.routes(), template.httpApis(), functions, clock.clock());
    CustomResources customResources =
        new CustomResources(baseUrl, b.projectRoot.toAbsolutePath().getFileName().toString());
    server.mount(CustomResources.PATH, customResources);

    // EventBridge: the template's rules hear every execution's status change, as on AWS.
    EventRules eventRules;
    try {
      eventRules = new EventRules(template.eventRules(), functions);
    } catch (IllegalArgumentException e) {
      throw new TemplateException(e.getMessage(), e);
    }
    ExecutionEngine.Builder engineBuilder =
        ExecutionEngine.builder(clock, new FunctionInvoker(functions, faults))
            .region(LocalNames.REGION)
            .accountId(LocalNames.ACCOUNT_ID)
            .onExecutionClosed(
                closed ->
                    eventRules.put(
                        ExecutionStatusEvents.of(
                            closed, LocalNames.REGION, LocalNames.ACCOUNT_ID)));
    dataDir.ifPresent(
        d ->
            engineBuilder
                .store(FileExecutionStore.in(d.resolve(EXECUTIONS)))
                .stateMachineStore(FileStateMachineStore.in(d.resolve(STATE_MACHINES))));
    engine = engineBuilder.build();
    started.push(engine);
    List<RefusedStateMachine> refused = new ArrayList<>();
    for (StateMachine machine : template.stateMachines()) {
      createStateMachine(machine).ifPresent(refused::add);
    }
    refused.forEach(
        r ->
            b.out.println(
                "warning: state machine "
                    + r.logicalId()
                    + " is not running: "
                    + r.problem()
                    + " (the rest of the template runs)"));
    // Those created through the API, before any saved execution is restored: theirs carry on too.
    engine
        .restoreStateMachines()
        .forEach(note -> b.out.println("note: saved state machine not loaded: " + note));
    StepFunctionsBackend stepFunctions = StepFunctionsBackend.of(engine, refused);
    server.mount(STEP_FUNCTIONS_PATH, new StepFunctionsEndpoint(stepFunctions));
    outbox = dataDir.map(Outbox::persistedIn).orElseGet(Outbox::inMemory);
    // Sends to the SES mailbox simulator's addresses bounce or complain through the default bus.
    server.mount(
        SES_PATH,
        new SesEndpoint(
            outbox,
            clock.clock(),
            faults,
            new MailboxSimulator(LocalNames.ACCOUNT_ID, LocalNames.REGION),
            eventRules::put));
    Set<String> busNames = Set.copyOf(template.eventBuses());
    buses =
        dataDir
            .map(d -> EventBuses.persistedIn(d.resolve(EVENTS_FILE), busNames))
            .orElseGet(() -> EventBuses.inMemory(busNames));
    server.mount(
        EVENTBRIDGE_PATH,
        new EventBridgeEndpoint(buses, clock.clock(), LocalNames.ACCOUNT_ID, LocalNames.REGION));
    if (b.forwardEvents != null) {
      WebhookForwarder forwarder = new WebhookForwarder(b.forwardEvents, b.out);
      buses.listen(forwarder);
      started.push(forwarder);
    }
    // The UI reads the leads with its own client: the functions' clients are theirs.
    DynamoDbClient uiDynamo =
        callerCredentials
            ? Tables.callerClient(dynamo.endpoint())
            : Tables.client(dynamo.endpoint());
    started.push(uiDynamo);
    LeadRecords leadRecords = DynamoLeadRecords.of(uiDynamo, template.tables());
    ClockPanel clockPanel = new ClockPanel(clock, this::awaitSettled);
    server.mount(
        UI_PATH, new LocalUi(outbox, stepFunctions, buses, leadRecords, Optional.of(clockPanel)));
    server.mount(LeadsPage.PATH, new LeadsPage(leadRecords, clockPanel));
    server.mount(ClockPanel.PATH, clockPanel);
    server.mount(RepsPage.PATH, new RepsPage(baseUrl));
    slaFactsTable(template)
        .ifPresent(
            table ->
                server.mount(
                    ReportsPage.PATH,
                    new ReportsPage(new DynamoSlaFactsStore(uiDynamo, table), clockPanel)));

    services =
        new LocalServices(
            template, functions, server, clock.clock(), baseUrl, dynamo.endpoint(), dataDir);
    for (LocalExtension extension : b.extensions) {
      try {
        started.push(extension.start(services));
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("A local runtime extension did not start: " + e, e);
      }
    }

    Optional<Path> marker = dataDir.map(d -> d.resolve(CREATED_MARKER));
    if (marker.isEmpty() || !Files.exists(marker.get())) {
      for (CustomResource resource : template.customResources()) {
        customResources.create(resource, functions);
      }
      marker.ifPresent(LocalRuntime::touch);
    }
    // Last, once every endpoint is up: a restored execution may carry on (and call them) at once.
    if (clock instanceof ScaledClock scaled) {
      scaled.begin();
    }
    RestoredExecutions restored = engine.restoreExecutions();
    schedules =
        Schedules.start(
            template.schedules(),
            clock,
            functions,
            scheduleExecutor(),
            note -> b.out.println("note: schedule " + note));
    started.push(schedules);
    printUrls(b.out, template, server, dynamo, dataDir);
    b.out.println(
        b.sdkTransport == SdkTransport.IN_PROCESS
            ? "  The functions' SDK calls to these services are handed over in-process"
                + " (--sdk-transport socket sends them over HTTP)"
            : "  The functions' SDK calls to these services go over HTTP (--sdk-transport socket)");
    printRestored(b.out, restored, dataDir);
  }

  /**
   * Waits until no execution is mid-transition and no scheduled invocation runs (the clock panel's
   * skip waits for this), up to {@code timeout} in all; false if it ran out.
   */
  private boolean awaitSettled(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Schedules running = schedules;
    if (running != null && !running.awaitIdle(timeout)) {
      return false;
    }
    return engine.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
  }

  /**
   * Where scheduled invocations run: on the thread advancing a virtual clock, so a test that moves
   * time on sees what they did; else on a thread of their own, never the clock's.
   */
  private Executor scheduleExecutor() {
    if (clock instanceof VirtualClock) {
      return Runnable::run;
    }
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "scheduler");
              t.setDaemon(true);
              return t;
            });
    started.push(executor::shutdown);
    return executor;
  }

  private static void printRestored(
      PrintStream out, RestoredExecutions restored, Optional<Path> dataDir) {
    restored.notes().forEach(note -> out.println("note: saved execution not loaded: " + note));
    if (restored.closed() + restored.resumed() + restored.failed() > 0) {
      out.printf(
          "  Executions %d resumed, %d closed, %d failed on restart (from %s)%n",
          restored.resumed(),
          restored.closed(),
          restored.failed(),
          dataDir.map(d -> d.resolve(EXECUTIONS)).orElseThrow());
    }
  }

  /**
   * Registers a template state machine with the engine, which parses and validates it. A definition
   * the engine refuses leaves that machine out, with why, instead of stopping the runtime: the
   * other machines, the API and the UI still run, and the problem is shown where the user looks
   * (start-up output, UI, the error of a StartExecution on it).
   */
  private Optional<RefusedStateMachine> createStateMachine(StateMachine machine) {
    try {
      engine.createStateMachine(
          machine.name(),
          machine.definition(),
          StateMachineType.of(machine.type()),
          Optional.empty());
      return Optional.empty();
    } catch (StepFunctionsException e) {
      return Optional.of(
          new RefusedStateMachine(machine.arn(), machine.logicalId(), e.getMessage()));
    }
  }

  /**
   * The runtime's own clock: real, or scaled and started at {@code --start-time}; but a data folder
   * whose time got further (saved as the clock ran, or recorded in its executions if the runtime
   * was killed) carries on from there, saying so, since its stored deadlines are in that time.
   */
  private RuntimeClock ownClock(Builder b) {
    Optional<Path> dataDir = b.inMemory ? Optional.empty() : Optional.of(b.dataDir());
    Instant requested = b.startTime != null ? b.startTime : Instant.now();
    Optional<Instant> folderTime = dataDir.flatMap(d -> folderTime(d, b.out));
    boolean folderWins = folderTime.isPresent() && folderTime.get().isAfter(requested);
    if (folderWins) {
      b.out.println(
          "note: the data folder's clock is at "
              + folderTime.get()
              + ", later than "
              + (b.startTime != null ? "--start-time " + b.startTime : "now (" + requested + ")")
              + "; the runtime carries on from the data folder's time");
    }
    RuntimeClock own;
    if (b.timeScale != 1 || b.startTime != null || folderWins) {
      // Held until the runtime serves (see start): loading takes seconds, hours at a large scale.
      ScaledClock scaled = ScaledClock.held(folderWins ? folderTime.get() : requested, b.timeScale);
      started.push(scaled);
      own = scaled;
    } else {
      RealClock real = new RealClock();
      started.push(real);
      own = real;
    }
    dataDir.ifPresent(d -> started.push(SavedTime.keep(d.resolve(CLOCK_FILE), own)));
    return own;
  }

  /** The latest of the saved clock and the times recorded in the saved executions. */
  private static Optional<Instant> folderTime(Path dataDir, PrintStream out) {
    Optional<Instant> saved = SavedTime.read(dataDir.resolve(CLOCK_FILE));
    Path executions = dataDir.resolve(EXECUTIONS);
    if (!Files.isDirectory(executions)) {
      return saved;
    }
    ExecutionStore.Loaded loaded = FileExecutionStore.in(executions).loadAll();
    loaded.setAside().forEach(note -> out.println("note: saved execution not loaded: " + note));
    Optional<Instant> recorded = ExecutionEngine.latestRecordedTime(loaded.snapshots());
    if (saved.isEmpty()) {
      return recorded;
    }
    return recorded.filter(t -> t.isAfter(saved.get())).or(() -> saved);
  }

  /** The name of the template's {@code SlaFactsTable}, which the Reports page reads. */
  private static Optional<String> slaFactsTable(Template template) {
    return template.tables().stream()
        .filter(t -> t.logicalId().equals("SlaFactsTable"))
        .map(com.leadhandoff.local.template.Table::name)
        .findFirst();
  }

  private static void touch(Path marker) {
    try {
      Files.writeString(marker, "Custom resources were created for this data folder.\n");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + marker, e);
    }
  }

  private static void printUrls(
      PrintStream out,
      Template template,
      ApiServer server,
      LocalDynamo dynamo,
      Optional<Path> dataDir) {
    URI base = server.baseUrl();
    out.println("Local runtime of " + template.file() + " is up:");
    out.println("  API       " + base);
    for (HttpRoute route : template.routes()) {
      out.printf("    %-32s -> %s%n", route.routeKey(), route.functionName());
    }
    for (String mount : server.mounts()) {
      // Pages under the UI (the reps page) are reached from the UI, not listed beside it.
      boolean uiPage = mount.startsWith(UI_PATH) && !mount.equals(UI_PATH);
      if (!mount.equals(CustomResources.PATH) && !uiPage) {
        out.println(
            "  "
                + String.format("%-9s ", mount.equals(UI_PATH) ? "Web UI" : "Service")
                + base.resolve(mount));
      }
    }
    out.println(
        "  DynamoDB  "
            + dynamo.endpoint()
            + (!dynamo.served()
                ? " (external, --dynamodb-endpoint)"
                : dataDir
                    .map(d -> " (data in " + d.resolve("dynamodb") + ")")
                    .orElse(" (in memory)")));
  }

  /** The event buses and the events put on them. */
  public EventBuses eventBuses() {
    return buses;
  }

  /** Stops every part, most recently started first. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException failure = null;
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("Local runtime did not close cleanly", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Configures and starts a {@link LocalRuntime}. */
  public static final class Builder {
    private Path projectRoot = Path.of("").toAbsolutePath();
    private int port = 3000;
    private RuntimeClock clock;
    private double timeScale = 1;
    private Instant startTime;
    private Path dataDir;
    private boolean inMemory;
    private URI dynamoEndpoint;
    private URI forwardEvents;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private String baseUrlParameter = "PublicBaseUrl";
    private final List<LocalExtension> extensions = new ArrayList<>();
    private PrintStream out = System.out;
    private ClassLoader classLoader = LocalRuntime.class.getClassLoader();
    private SdkTransport sdkTransport = SdkTransport.IN_PROCESS;

    private Builder() {}

    /** The folder holding {@code template.yaml}. */
    public Builder projectRoot(Path projectRoot) {
      this.projectRoot = projectRoot.toAbsolutePath();
      return this;
    }

    /** The HTTP port; 0 picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * The clock every function and the engine tell time by (default: real time, owned by the
     * runtime). A clock passed here stays the caller's to close.
     */
    public Builder clock(RuntimeClock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Runs the runtime's own clock {@code scale} times faster than real time (ignored when a {@link
     * #clock} is given): with 60, a 15-minute SLA passes in 15 seconds.
     */
    public Builder timeScale(double scale) {
      if (!(scale > 0) || Double.isInfinite(scale)) {
        throw new IllegalArgumentException("--time-scale needs a positive number, got " + scale);
      }
      this.timeScale = scale;
      return this;
    }

    /**
     * Starts the runtime's own clock at {@code startTime} instead of now (ignored when a {@link
     * #clock} is given), e.g. a Monday morning, so a demo at night still sees office-hours SLAs. A
     * data folder whose clock already got further resumes there instead.
     */
    public Builder startTime(Instant startTime) {
      this.startTime = startTime;
      return this;
    }

    /**
     * Where tables, sent emails and workflow executions are kept between runs (default {@code
     * .local-data/}).
     */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir.toAbsolutePath();
      return this;
    }

    /** Keeps everything in memory; each start is a fresh stack. */
    public Builder inMemory(boolean inMemory) {
      this.inMemory = inMemory;
      return this;
    }

    /**
     * Uses the DynamoDB at {@code endpoint} (LocalStack, an AWS region, another compatible server)
     * instead of serving the tables; the template's tables are created there if missing.
     */
    public Builder dynamoEndpoint(URI endpoint) {
      this.dynamoEndpoint = endpoint;
      return this;
    }

    /**
     * Posts every event put on a bus, as JSON, to {@code webhook}; a failed post is logged and
     * never holds up the workflow.
     */
    public Builder forwardEvents(URI webhook) {
      this.forwardEvents = webhook;
      return this;
    }

    /** Overrides a template parameter's default. */
    public Builder parameter(String name, String value) {
      parameters.put(name, value);
      return this;
    }

    /**
     * The template parameter that receives the local base URL unless overridden (default {@code
     * PublicBaseUrl}; ignored when the template does not declare it).
     */
    public Builder baseUrlParameter(String name) {
      this.baseUrlParameter = name;
      return this;
    }

    /** Adds a part started after the core, e.g. the state machine engine. */
    public Builder extension(LocalExtension extension) {
      extensions.add(extension);
      return this;
    }

    /** Where the start-up summary is printed (default {@code System.out}). */
    public Builder out(PrintStream out) {
      this.out = out;
      return this;
    }

    /** Where handler classes are loaded from (default: this class's loader). */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = classLoader;
      return this;
    }

    /**
     * How the functions' SDK calls reach the runtime's own services (default {@link
     * SdkTransport#IN_PROCESS}). Chosen once per JVM: the functions build their clients once, at
     * the first runtime's first invocation, and keep that transport (calls to a runtime started
     * later with {@link SdkTransport#SOCKET} go over HTTP all the same).
     */
    public Builder sdkTransport(SdkTransport transport) {
      this.sdkTransport = transport;
      return this;
    }

    private Path dataDir() {
      return dataDir != null ? dataDir : projectRoot.resolve(".local-data");
    }

    /** Starts the runtime; on failure everything started so far is stopped again. */
    public LocalRuntime start() {
      LocalRuntime runtime = new LocalRuntime();
      try {
        runtime.start(this);
        return runtime;
      } catch (RuntimeException | Error e) {
        try {
          runtime.close();
        } catch (RuntimeException closing) {
          e.addSuppressed(closing);
        }
        throw e;
      }
    }
  }
}
