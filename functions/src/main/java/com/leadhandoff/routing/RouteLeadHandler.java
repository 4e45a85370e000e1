package com.leadhandoff.routing;

import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.config.ReadOnce;
import com.leadhandoff.history.LeadHistory;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.lead.OpenLeads;
import com.leadhandoff.offer.OfferStore;
import com.leadhandoff.ownership.Accounts;
import com.leadhandoff.ownership.Ownership;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.sla.OfferDeadlines;
import com.leadhandoff.sla.SlaPolicies;
import com.leadhandoff.sla.SlaPolicy;
import com.leadhandoff.store.DynamoCapacity;
import com.leadhandoff.store.DynamoDirectory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoOfferStore;
import com.leadhandoff.store.LeadHistories;
import com.leadhandoff.task.TaskHandler;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code Route Lead}, a step of the workflow's {@code Take In Lead} and {@code Move Offer On}
 * states: chooses the rep the lead is offered to next, or says there is none.
 */
public final class RouteLeadHandler extends TaskHandler<RouteLeadHandler.Input, Route> {
  /** The task input: the lead to route. */
  public record Input(String leadId) {}

  private static final ReadOnce<Optional<SlaPolicy>> READ_BUNDLEDPOLICY =
      new ReadOnce<>() {
        @Override
        protected Optional<SlaPolicy> read() {
          return SlaPolicies.bundled(bundledTeamIds());
        }
      };

  private final LeadRouter router;

  public RouteLeadHandler() {
    this(Settings.current(), AwsClients.dynamo());
  }

  /**
   * Reads table names, {@code MAX_OFFERS} and {@code OPEN_LEAD_DAYS} from {@code settings}; owners
   * come from the bundled {@code config/accounts.yaml} and the leads table; deadlines follow the
   * bundled {@code config/sla-policy.yaml}, or {@code OFFER_MINUTES} around the clock when none
   * ships.
   */
  public RouteLeadHandler(Settings settings, DynamoDbClient dynamo) {
    this(settings, dynamo, bundledPolicy());
  }

  /**
   * @param policy the SLA policy; empty to give every offer {@code OFFER_MINUTES}
   */
  public RouteLeadHandler(Settings settings, DynamoDbClient dynamo, Optional<SlaPolicy> policy) {
    this(router(settings, dynamo, policy));
  }

  /**
   * Route Lead from the function's settings and the bundled SLA policy, on the given lead store,
   * history and directory (Take In Lead and Move Offer On share them between their steps).
   */
  public RouteLeadHandler(
      Settings settings,
      DynamoDbClient dynamo,
      LeadStore leads,
      LeadHistory history,
      Directory directory) {
    this(
        settings,
        dynamo,
        leads,
        history,
        directory,
        new DynamoOfferStore(dynamo, settings.require("OFFERS_TABLE")));
  }

  /**
   * The same, on the given offer store too (Take In Lead knows when a lead can have no offer yet).
   */
  public RouteLeadHandler(
      Settings settings,
      DynamoDbClient dynamo,
      LeadStore leads,
      LeadHistory history,
      Directory directory,
      OfferStore offers) {
    this(router(settings, dynamo, bundledPolicy(), leads, history, directory, offers));
  }

  public RouteLeadHandler(LeadRouter router) {
    super(Input.class);
    this.router = router;
  }

  /** See {@link LeadRouter#giveBack}. */
  public void giveBack(com.leadhandoff.history.HistoryEvent routed) {
    router.giveBack(routed);
  }

  @Override
  protected Route handle(Input input) {
    if (input.leadId() == null || input.leadId().isBlank()) {
      throw new IllegalArgumentException("Route Lead needs {\"leadId\": ...}, got no leadId");
    }
    return router.route(input.leadId());
  }

  /**
   * The SLA policy shipped in the jar, checked against the directory shipped with it; read once per
   * container (Take In Lead's Acknowledge and Route steps both need it at init).
   */
  public static Optional<SlaPolicy> bundledPolicy() {
    return READ_BUNDLEDPOLICY.get();
  }

  /**
   * The deadlines an offer gets: {@code policy}'s, or {@code OFFER_MINUTES} around the clock when
   * no policy ships.
   */
  public static OfferDeadlines deadlines(Optional<SlaPolicy> policy, Settings settings) {
    return policy
        .<OfferDeadlines>map(p -> p)
        .orElseGet(
            () -> OfferDeadlines.fixed(Duration.ofMinutes(settings.integer("OFFER_MINUTES", 15))));
  }

  /** The routing rules shipped in the jar when there are some; the default team otherwise. */
  public static TeamChooser teamChooser(Directory directory) {
    return RoutingRules.bundled()
        .<TeamChooser>map(rules -> new RulesTeamChooser(rules, directory))
        .orElseGet(() -> new DefaultTeamChooser(directory));
  }

  private static Set<String> bundledTeamIds() {
    return DirectoryConfig.bundled().teams().stream().map(Team::teamId).collect(Collectors.toSet());
  }

  private static LeadRouter router(
      Settings settings, DynamoDbClient dynamo, Optional<SlaPolicy> policy) {
    return router(
        settings,
        dynamo,
        policy,
        new DynamoLeadStore(dynamo, settings.require("LEADS_TABLE")),
        LeadHistories.of(settings, dynamo),
        new DynamoDirectory(
            dynamo, settings.require("TEAMS_TABLE"), settings.require("REPS_TABLE")),
        new DynamoOfferStore(dynamo, settings.require("OFFERS_TABLE")));
  }

  private static LeadRouter router(
      Settings settings,
      DynamoDbClient dynamo,
      Optional<SlaPolicy> policy,
      LeadStore leads,
      LeadHistory history,
      Directory directory,
      OfferStore offers) {
    return new LeadRouter(
        leads,
        offers,
        directory,
        teamChooser(directory),
        history,
        settings.clock(),
        settings.integer("MAX_OFFERS", 3),
        deadlines(policy, settings),
        team -> policy.flatMap(p -> Optional.ofNullable(p.calendars().get(team))),
        new DynamoCapacity(dynamo, settings.require("REPS_TABLE")),
        new Ownership(
            Accounts.bundled(),
            leads,
            OpenLeads.days(settings.integer("OPEN_LEAD_DAYS", OpenLeads.DEFAULT_DAYS))));
  }
}
