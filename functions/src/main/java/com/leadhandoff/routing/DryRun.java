package com.leadhandoff.routing;

import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.intake.Validation;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.ownership.AccountMatch;
import com.leadhandoff.ownership.Accounts;
import com.leadhandoff.ownership.InvalidAccountsException;
import com.leadhandoff.scoring.InvalidScoringModelException;
import com.leadhandoff.scoring.Score;
import com.leadhandoff.scoring.ScoringModel;
import com.leadhandoff.scoring.ScoringModels;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoDirectory;
import com.leadhandoff.store.DynamoLeadStore;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Routes a file of leads, or the leads stored in a period, against the current or a proposed rules
 * file, with no side effects: nothing is stored, sent or counted. Each lead is scored with the
 * scoring model, routed by the rules to a team, and given the rep the team's round robin would
 * pick, simulated in memory from each team's first active rep (by rep id) and advancing one turn
 * per lead. Run it from the repository root:
 *
 * <pre>
 * java -cp functions/target/lead-handoff-functions.jar com.leadhandoff.routing.DryRun \
 *     (--leads events/dry-run-leads.json | --stored --from 2026-11-01 --to 2026-11-23) \
 *     [--rules FILE] [--directory FILE] [--scoring FILE] [--accounts FILE]
 * </pre>
 *
 * <p>A lead from a named account's domain goes to the account's owner first, as Route Lead does
 * when the owner is active and not paused; owners of other open leads are not known to a dry run.
 */
public final class DryRun {
  private static final String USAGE =
      """
      Usage: java -cp functions/target/lead-handoff-functions.jar com.leadhandoff.routing.DryRun \\
                 (--leads FILE | --stored --from DATE --to DATE) \\
                 [--rules FILE] [--directory FILE] [--scoring FILE] [--accounts FILE]

        --leads      a JSON array of leads, or one lead object per line, with the fields of
                     POST /leads (email, country, companySize, industry, formId, utm_source...)
        --stored     replay the leads stored in the Leads table (LEADS_TABLE) that arrived
                     from --from to --to (dates, both included, UTC); reads only. The
                     table and its endpoint come from the environment, as for the functions:
                     LEADS_TABLE, AWS_REGION, AWS_ENDPOINT_URL_DYNAMODB and credentials;
                     with TEAMS_TABLE and REPS_TABLE set too, the stored teams and reps
                     are the directory
        --rules      routing rules to try (default: config/routing-rules.yaml in the jar)
        --directory  teams and reps (default: config/directory.yaml in the jar)
        --scoring    scoring model, which decides qualification and tier
                     (default: config/scoring-model.yaml in the jar)
        --accounts   named accounts, whose owners get their leads first
                     (default: config/accounts.yaml in the jar)

      Nothing is stored or sent. Weighted round robin is simulated from each team's first active
      rep, skipping paused reps; working hours, out-of-office dates, caps and credited turns
      are not simulated; nor are owners of other open leads at the same domain.
      """;

  private DryRun() {}

  /** Runs the dry run and exits 0, 1 when a file is wrong, or 2 when the arguments are. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * The dry run as {@link #main} does it, writing to {@code out} and {@code err}; the exit code.
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, Settings.current(), AwsClients::dynamo);
  }

  /**
   * As {@link #run(String[], PrintStream, PrintStream)}, with {@code settings} naming the tables
   * and {@code dynamo} reading them for {@code --stored}.
   */
  static int run(
      String[] args,
      PrintStream out,
      PrintStream err,
      Settings settings,
      Supplier<DynamoDbClient> dynamo) {
    Map<String, String> options;
    try {
      options = arguments(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.print(USAGE);
      return 2;
    }
    if (options.isEmpty()) {
      out.print(USAGE);
      return 0;
    }
    try {
      boolean stored = options.containsKey("--stored");
      if (stored) {
        // Checked before any table is read: a period too long is refused whatever is stored.
        Optional<String> refused =
            DryRunPeriod.problem(date(options, "--from"), date(options, "--to"));
        if (refused.isPresent()) {
          throw new IllegalArgumentException("--to " + refused.get());
        }
      }
      boolean storedDirectory =
          stored
              && !options.containsKey("--directory")
              && settings.get("TEAMS_TABLE").isPresent()
              && settings.get("REPS_TABLE").isPresent();
      DirectoryConfig directory =
          storedDirectory
              ? stored(
                  new DynamoDirectory(
                      dynamo.get(),
                      settings.require("TEAMS_TABLE"),
                      settings.require("REPS_TABLE")))
              : Optional.ofNullable(options.get("--directory"))
                  .map(Path::of)
                  .map(DirectoryConfig::load)
                  .orElseGet(DirectoryConfig::bundled);
      RoutingRules rules =
          Optional.ofNullable(options.get("--rules"))
              .map(path -> RoutingRules.load(Path.of(path), directory))
              .or(() -> RoutingRules.bundled(directory))
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "The jar has no " + RoutingRules.BUNDLED + "; name one with --rules"));
      ScoringModel model =
          Optional.ofNullable(options.get("--scoring"))
              .map(Path::of)
              .map(ScoringModels::load)
              .orElseGet(ScoringModels::bundled);
      Accounts accounts =
          Optional.ofNullable(options.get("--accounts"))
              .map(Path::of)
              .map(path -> Accounts.load(path, directory))
              .orElseGet(() -> Accounts.bundled(directory));
      List<DryRunLeads.Entry> leads;
      String from;
      Optional<String> leftOut = Optional.empty();
      if (stored) {
        String table = settings.require("LEADS_TABLE");
        DryRunLeads.Replay replay =
            DryRunLeads.stored(
                new DynamoLeadStore(dynamo.get(), table)
                    .receivedBetween(date(options, "--from"), date(options, "--to")));
        leads = replay.entries();
        leftOut = Optional.of(replay.leftOut());
        from =
            "table "
                + table
                + " received "
                + options.get("--from")
                + " to "
                + options.get("--to")
                + " (UTC)";
      } else {
        leads = DryRunLeads.read(Path.of(options.get("--leads")));
        from = options.get("--leads");
      }
      out.println("Dry run of " + leads.size() + " leads from " + from);
      leftOut.ifPresent(note -> out.println("  " + note));
      out.println("  rules:     " + source(options, "--rules", RoutingRules.BUNDLED));
      out.println(
          "  directory: "
              + (storedDirectory
                  ? "tables "
                      + settings.require("TEAMS_TABLE")
                      + " and "
                      + settings.require("REPS_TABLE")
                  : source(options, "--directory", DirectoryConfig.RESOURCE)));
      out.println("  scoring:   " + source(options, "--scoring", ScoringModels.BUNDLED));
      out.println("  accounts:  " + source(options, "--accounts", Accounts.BUNDLED));
      out.println();
      route(leads, rules, directory, model, accounts).print(out);
      return 0;
    } catch (InvalidRoutingRulesException
        | DirectoryConfigException
        | InvalidScoringModelException
        | InvalidAccountsException
        | IllegalArgumentException
        | IllegalStateException
        | UncheckedIOException
        | SdkException e) {
      err.println(e.getMessage());
      return 1;
    }
  }

  /** The stored teams and reps as a directory. */
  private static DirectoryConfig stored(DynamoDirectory directory) {
    List<Team> teams = directory.teams();
    List<Rep> reps = new ArrayList<>();
    teams.forEach(team -> reps.addAll(directory.reps(team.teamId())));
    return new DirectoryConfig(teams, reps);
  }

  private static LocalDate date(Map<String, String> options, String option) {
    try {
      return LocalDate.parse(options.get(option));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option
              + " '"
              + options.get(option)
              + "' is not a date; write year-month-day, e.g. 2026-11-01");
    }
  }

  /**
   * Where {@code leads} would go. Pure: the same arguments always give the same report.
   *
   * @param rules the rules to try, already checked against {@code directory}
   * @param directory the teams and reps the round robin is simulated over
   * @param model scores each lead, which decides whether it is routed and its tier
   */
  public static DryRunReport route(
      List<DryRunLeads.Entry> leads,
      RoutingRules rules,
      DirectoryConfig directory,
      ScoringModel model) {
    return route(leads, rules, directory, model, Accounts.NONE);
  }

  /**
   * Where {@code leads} would go, named accounts' leads to their owners first.
   *
   * @param accounts the named accounts, already checked against {@code directory}
   */
  public static DryRunReport route(
      List<DryRunLeads.Entry> leads,
      RoutingRules rules,
      DirectoryConfig directory,
      ScoringModel model,
      Accounts accounts) {
    Map<String, Long> turns = new HashMap<>();
    List<DryRunReport.LeadResult> results = new ArrayList<>();
    for (DryRunLeads.Entry entry : leads) {
      results.add(
          new DryRunReport.LeadResult(
              entry.number(),
              entry.label(),
              outcome(entry, rules, directory, model, accounts, turns)));
    }
    // A paused rep cannot get anything, so listing them with zero would only be noise.
    List<Rep> active = directory.reps().stream().filter(r -> r.active() && !r.paused()).toList();
    return new DryRunReport(results, active);
  }

  private static DryRunReport.Outcome outcome(
      DryRunLeads.Entry entry,
      RoutingRules rules,
      DirectoryConfig directory,
      ScoringModel model,
      Accounts accounts,
      Map<String, Long> turns) {
    if (entry.validation() instanceof Validation.Invalid invalid) {
      return new DryRunReport.Refused(invalid.errors());
    }
    if (!(entry.validation() instanceof Validation.Valid valid)) {
      return new DryRunReport.Refused(List.of()); // the honeypot: intake keeps nothing
    }
    Score score = model.score(valid.submission());
    if (!score.qualified()) {
      return new DryRunReport.Nurtured(score, model.mqlThreshold());
    }
    // Rules read the submission and the tier, never the lead's id or arrival time.
    Lead lead =
        new Lead(
            "dry-run-" + entry.number(),
            Instant.EPOCH,
            valid.submission(),
            LeadStatus.ROUTING,
            Optional.of(score),
            Optional.empty());
    RoutingRules.Decision ruled = rules.decide(lead);
    String domain = valid.submission().emailDomain();
    Optional<AccountMatch> account =
        accounts.isFreeMail(domain) ? Optional.empty() : accounts.match(domain);
    String passedOver = "";
    if (account.isPresent()) {
      String ownerId = account.get().account().ownerRepId();
      Optional<Rep> owner =
          directory.reps().stream().filter(r -> r.repId().equals(ownerId)).findFirst();
      Optional<Team> ownerTeam =
          owner.flatMap(
              o ->
                  directory.teams().stream()
                      .filter(t -> t.teamId().equals(o.teamId()))
                      .findFirst());
      if (ownerTeam.isPresent() && owner.get().active() && !owner.get().paused()) {
        return new DryRunReport.Routed(
            score, ruled, ownerTeam.get(), owner.get(), 0, Optional.of(account.get().why()));
      }
      passedOver =
          "not first to "
              + owner.map(Rep::name).orElse(ownerId)
              + " ("
              + account.get().why()
              + "): "
              + owner.map(o -> o.active() ? "paused" : "inactive").orElse("not in the directory")
              + "; ";
    }
    RoutingRules.Decision decision =
        new RoutingRules.Decision(ruled.teamId(), ruled.rule(), passedOver + ruled.why());
    Optional<Team> team =
        directory.teams().stream().filter(t -> t.teamId().equals(decision.teamId())).findFirst();
    if (team.isEmpty()) {
      return new DryRunReport.NoRep(score, decision, "team is not in the directory");
    }
    List<Rep> reps =
        directory.reps().stream()
            .filter(r -> r.teamId().equals(decision.teamId()) && r.active())
            .sorted(Comparator.comparing(Rep::repId))
            .toList();
    Selection selection =
        RoundRobin.select(
            team.get(), reps, Map.of(), () -> turns.merge(decision.teamId(), 1L, Long::sum));
    if (selection instanceof Selection.Chosen chosen) {
      return new DryRunReport.Routed(score, decision, team.get(), chosen.rep(), chosen.turn());
    }
    return new DryRunReport.NoRep(score, decision, ((Selection.NoneLeft) selection).reason());
  }

  private static Map<String, String> arguments(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (name.equals("--help") || name.equals("-h")) {
        return Map.of();
      }
      if (name.equals("--stored")) {
        options.put(name, "");
        continue;
      }
      if (!List.of("--leads", "--rules", "--directory", "--scoring", "--accounts", "--from", "--to")
          .contains(name)) {
        throw new IllegalArgumentException("Unknown argument '" + name + "'.");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(
            name
                + " needs a "
                + (name.equals("--from") || name.equals("--to") ? "date" : "file")
                + " after it.");
      }
      options.put(name, args[++i]);
    }
    boolean stored = options.containsKey("--stored");
    if (stored == options.containsKey("--leads")) {
      throw new IllegalArgumentException(
          "Name the leads to route with --leads FILE, or replay stored ones with --stored --from"
              + " DATE --to DATE (not both).");
    }
    if (stored != (options.containsKey("--from") && options.containsKey("--to"))
        || (!stored && (options.containsKey("--from") || options.containsKey("--to")))) {
      throw new IllegalArgumentException(
          "--stored needs both --from DATE and --to DATE, and they only go with --stored.");
    }
    return options;
  }

  private static String source(Map<String, String> options, String option, String bundled) {
    return Optional.ofNullable(options.get(option)).orElse(bundled + " (in the jar)");
  }
}
