package com.leadhandoff.routing;

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
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes a file of leads against the current or a proposed rules file, with no side effects:
 * nothing is stored, sent or counted. Each lead is scored with the scoring model, routed by the
 * rules to a team, and given the rep the team's round robin would pick, simulated in memory from
 * each team's first active rep (by rep id) and advancing one turn per lead. Run it from the
 * repository root:
 *
 * <pre>
 * java -cp functions/target/lead-handoff-functions.jar com.leadhandoff.routing.DryRun \
 *     --leads events/dry-run-leads.json [--rules FILE] [--directory FILE] [--scoring FILE] \
 *     [--accounts FILE]
 * </pre>
 *
 * <p>A lead from a named account's domain goes to the account's owner first, as Route Lead does
 * when the owner is active and not paused; owners of other open leads are not known to a dry run.
 */
public final class DryRun {
  private static final String USAGE =
      """
      Usage: java -cp functions/target/lead-handoff-functions.jar com.leadhandoff.routing.DryRun \\
                 --leads FILE [--rules FILE] [--directory FILE] [--scoring FILE] [--accounts FILE]

        --leads      a JSON array of leads, or one lead object per line, with the fields of
                     POST /leads (email, country, companySize, industry, formId, utm_source...)
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
    Map<String, Path> files;
    try {
      files = arguments(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.print(USAGE);
      return 2;
    }
    if (files.isEmpty()) {
      out.print(USAGE);
      return 0;
    }
    try {
      DirectoryConfig directory =
          Optional.ofNullable(files.get("--directory"))
              .map(DirectoryConfig::load)
              .orElseGet(DirectoryConfig::bundled);
      RoutingRules rules =
          Optional.ofNullable(files.get("--rules"))
              .map(path -> RoutingRules.load(path, directory))
              .or(() -> RoutingRules.bundled(directory))
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "The jar has no " + RoutingRules.BUNDLED + "; name one with --rules"));
      ScoringModel model =
          Optional.ofNullable(files.get("--scoring"))
              .map(ScoringModels::load)
              .orElseGet(ScoringModels::bundled);
      Accounts accounts =
          Optional.ofNullable(files.get("--accounts"))
              .map(path -> Accounts.load(path, directory))
              .orElseGet(() -> Accounts.bundled(directory));
      List<DryRunLeads.Entry> leads = DryRunLeads.read(files.get("--leads"));
      out.println("Dry run of " + leads.size() + " leads from " + files.get("--leads"));
      out.println("  rules:     " + source(files, "--rules", RoutingRules.BUNDLED));
      out.println("  directory: " + source(files, "--directory", DirectoryConfig.RESOURCE));
      out.println("  scoring:   " + source(files, "--scoring", ScoringModels.BUNDLED));
      out.println("  accounts:  " + source(files, "--accounts", Accounts.BUNDLED));
      out.println();
      route(leads, rules, directory, model, accounts).print(out);
      return 0;
    } catch (InvalidRoutingRulesException
        | DirectoryConfigException
        | InvalidScoringModelException
        | InvalidAccountsException
        | IllegalArgumentException
        | UncheckedIOException e) {
      err.println(e.getMessage());
      return 1;
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

  private static Map<String, Path> arguments(String[] args) {
    Map<String, Path> files = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (name.equals("--help") || name.equals("-h")) {
        return Map.of();
      }
      if (!List.of("--leads", "--rules", "--directory", "--scoring", "--accounts").contains(name)) {
        throw new IllegalArgumentException("Unknown argument '" + name + "'.");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a file after it.");
      }
      files.put(name, Path.of(args[++i]));
    }
    if (!files.containsKey("--leads")) {
      throw new IllegalArgumentException("Name the leads to route with --leads FILE.");
    }
    return files;
  }

  private static String source(Map<String, Path> files, String option, String bundled) {
    return Optional.ofNullable(files.get(option))
        .map(Path::toString)
        .orElse(bundled + " (in the jar)");
  }
}
