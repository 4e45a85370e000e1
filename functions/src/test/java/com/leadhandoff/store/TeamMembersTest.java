package com.leadhandoff.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.admin.RepAdmin;
import com.leadhandoff.json.Json;
import com.leadhandoff.routing.DirectoryConfig;
import com.leadhandoff.routing.DirectorySeeder;
import com.leadhandoff.routing.Rep;
import com.leadhandoff.routing.Roster;
import com.leadhandoff.routing.Team;
import com.leadhandoff.testing.CountedDynamo;
import com.leadhandoff.testing.TestDynamo;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The teams' lists of their reps, which routing reads the reps by: kept by every writer of reps,
 * read in one BatchGetItem with the reps' load items, and teams stored before the lists still
 * routed.
 */
class TeamMembersTest {
  private final Map<String, String> tables = TestDynamo.tables();
  private final List<String> requests = new ArrayList<>();
  private final List<Duration> pauses = new ArrayList<>();
  private final DynamoDirectory directory =
      new DynamoDirectory(
          CountedDynamo.of(tables, requests),
          tables.get("TeamsTable"),
          tables.get("RepsTable"),
          pauses::add);
  private final DynamoCapacity capacity =
      new DynamoCapacity(TestDynamo.client(), tables.get("RepsTable"));
  private final RepAdmin admin =
      new RepAdmin(
          new DynamoRepAdminStore(
              TestDynamo.client(), tables.get("TeamsTable"), tables.get("RepsTable")),
          Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC));

  private static Rep rep(String repId, String teamId, boolean active) {
    return new Rep(repId, repId, repId + "@sales.test", teamId, active);
  }

  private void seedTeams() {
    directory.save(new Team("emea", "EMEA", "Mo", "mo@sales.test", true));
    directory.save(new Team("amer", "AMER", "Al", "al@sales.test", false));
  }

  private Team team(String teamId) {
    return directory.team(teamId).orElseThrow();
  }

  private List<String> routed(String teamId) {
    return directory.roster(team(teamId)).reps().stream().map(Rep::repId).toList();
  }

  private Set<String> members(String teamId) {
    return team(teamId).members().orElseThrow();
  }

  private JsonNode body(String teamId, boolean active) {
    return Json.MAPPER
        .createObjectNode()
        .put("name", "Ana Ruiz")
        .put("email", "ana@sales.test")
        .put("team", teamId)
        .put("active", active);
  }

  @Test
  void listedTeam_rosterIsOneBatchGetItem_ofTheActiveRepsAndTheirCredits() {
    // GIVEN two teams, listed by the seed, and reps of them, one inactive, one with a credit
    seedTeams();
    directory.listMembers();
    directory.save(rep("rep-b", "emea", true));
    directory.save(rep("rep-a", "emea", true));
    directory.save(rep("rep-c", "emea", false));
    directory.save(rep("rep-d", "amer", true));
    capacity.credit("rep-b", "lead-1");
    Team emea = team("emea");
    requests.clear();

    // WHEN routing reads the team's reps
    Roster roster = directory.roster(emea);

    // THEN one request answers the active reps of the team, in id order, and who holds a credit
    assertEquals(List.of("BatchGetItem RepsTable"), requests);
    assertEquals(List.of("rep-a", "rep-b"), roster.reps().stream().map(Rep::repId).toList());
    assertEquals(Optional.of(Set.of("rep-b")), roster.withCredit());
    assertEquals(Set.of("rep-a", "rep-b", "rep-c"), emea.members().orElseThrow());
  }

  @Test
  void adminMovesARepToAnotherTeam_routingSeesItAtOnce() {
    // GIVEN a listed rep of EMEA
    seedTeams();
    directory.listMembers();
    assertTrue(admin.put("ana-ruiz", body("emea", true), "ops") instanceof RepAdmin.Saved);
    assertEquals(List.of("ana-ruiz"), routed("emea"));

    // WHEN an admin moves her to AMER
    RepAdmin.Outcome moved = admin.put("ana-ruiz", body("amer", true), "ops");

    // THEN the next route of either team reads her where she is now, and the lists followed
    assertTrue(moved instanceof RepAdmin.Saved, moved.toString());
    assertEquals(List.of("ana-ruiz"), routed("amer"));
    assertEquals(List.of(), routed("emea"));
    assertEquals(Set.of("ana-ruiz"), members("amer"));
    assertEquals(Set.of(), members("emea"));
    assertEquals("updated: team emea → amer", admin.changes("ana-ruiz").get(1).what());
  }

  @Test
  void adminDeactivatesAndReactivatesARep_routingSeesItAtOnce() {
    seedTeams();
    directory.listMembers();
    admin.put("ana-ruiz", body("emea", true), "ops");

    admin.put("ana-ruiz", body("emea", false), "ops");
    assertEquals(List.of(), routed("emea"));
    assertEquals(Set.of("ana-ruiz"), members("emea"), "an inactive rep stays in the team");

    admin.put("ana-ruiz", body("emea", true), "ops");
    assertEquals(List.of("ana-ruiz"), routed("emea"));
  }

  @Test
  void teamStoredBeforeTheLists_isRoutedByTheIndex_untilTheSeedListsIt() {
    // GIVEN a team and its reps as an earlier version stored them: no list on the team
    seedTeams();
    putAsBefore(rep("rep-a", "emea", true));
    putAsBefore(rep("rep-b", "emea", true));
    capacity.credit("rep-a", "lead-1");
    assertEquals(Optional.empty(), team("emea").members());
    requests.clear();

    // WHEN routing reads the team, THEN the index finds its reps, as before the lists
    assertEquals(List.of("rep-a", "rep-b"), routed("emea"));
    assertEquals(List.of("GetItem TeamsTable", "Query RepsTable"), requests);
    assertEquals(Optional.empty(), directory.roster(team("emea")).withCredit());

    // WHEN the seed runs (a deploy), THEN the team lists them and is read by key
    directory.listMembers();
    assertEquals(Set.of("rep-a", "rep-b"), members("emea"));
    assertEquals(Set.of(), members("amer"), "a team without reps is listed as empty");
    Team emea = team("emea");
    requests.clear();
    Roster roster = directory.roster(emea);
    assertEquals(List.of("BatchGetItem RepsTable"), requests);
    assertEquals(List.of("rep-a", "rep-b"), roster.reps().stream().map(Rep::repId).toList());
    assertEquals(Optional.of(Set.of("rep-a")), roster.withCredit());
    requests.clear();
    assertEquals(List.of(), directory.roster(team("amer")).reps());
    assertEquals(List.of("GetItem TeamsTable"), requests, "an empty team reads no reps");
  }

  @Test
  void seed_listsTheTeamsItStores_andTheTeamsStoredBefore() {
    // GIVEN a team stored by an earlier version, with a rep the directory file does not have
    DynamoDirectory plain =
        new DynamoDirectory(TestDynamo.client(), tables.get("TeamsTable"), tables.get("RepsTable"));
    plain.save(new Team("inbound-sales", "Inbound Sales", "Morgan", "m@sales.test", true));
    putAsBefore(rep("old-hand", "inbound-sales", true));

    // WHEN the seed runs
    new DirectorySeeder(plain, plain::save, plain::save, plain::listMembers)
        .seed(DirectoryConfig.bundled());

    // THEN every team lists every rep whose item names it, the earlier rep included
    for (Team team : plain.teams()) {
      Set<String> expected = new java.util.TreeSet<>();
      plain.reps(team.teamId()).forEach(r -> expected.add(r.repId()));
      assertEquals(Optional.of(expected), team.members(), team.teamId());
    }
    assertTrue(team("inbound-sales").members().orElseThrow().contains("old-hand"));
  }

  @Test
  void repOfATeamNotStored_isSavedUnlisted_andListedWhenTheSeedAddsTheTeam() {
    directory.save(rep("rep-a", "apac", true));
    assertEquals("apac", directory.rep("rep-a").orElseThrow().teamId());
    assertEquals(Optional.empty(), directory.team("apac"), "no stub team is made");

    directory.save(new Team("apac", "APAC", "Kai", "kai@sales.test", false));
    assertEquals(List.of("rep-a"), routed("apac"));
    directory.listMembers();
    assertEquals(Set.of("rep-a"), members("apac"));
  }

  @Test
  void repMovedByAnotherWriterMeanwhile_isSavedAgainstItsTeamAsItIsThen() {
    // GIVEN a listed rep of EMEA, and another writer who moves her to AMER right before our save
    seedTeams();
    directory.listMembers();
    directory.save(rep("rep-a", "emea", true));
    DynamoDirectory other =
        new DynamoDirectory(TestDynamo.client(), tables.get("TeamsTable"), tables.get("RepsTable"));
    boolean[] movedOnce = {false};
    DynamoDirectory racing =
        new DynamoDirectory(
            beforeFirstTransaction(
                () -> {
                  if (!movedOnce[0]) {
                    movedOnce[0] = true;
                    other.save(rep("rep-a", "amer", true));
                  }
                }),
            tables.get("TeamsTable"),
            tables.get("RepsTable"));
    directory.save(new Team("apac", "APAC", "Kai", "kai@sales.test", false));
    directory.listMembers();

    // WHEN we move her from EMEA (as we read) to APAC
    racing.save(rep("rep-a", "apac", true));

    // THEN our save was tried again from AMER: she is listed in APAC only
    assertEquals("apac", directory.rep("rep-a").orElseThrow().teamId());
    assertEquals(Set.of("rep-a"), members("apac"));
    assertEquals(Set.of(), members("amer"));
    assertEquals(Set.of(), members("emea"));
    assertEquals(List.of("rep-a"), routed("apac"));
  }

  @Test
  void loadRowHoldingAWholeRep_isNeitherListedNorRoutedAsARep() {
    // GIVEN a load row that an earlier version overwrote with a whole rep of EMEA, credit spent
    seedTeams();
    directory.save(rep("rep-a", "emea", true));
    Map<String, AttributeValue> corrupted =
        new java.util.HashMap<>(ItemCodec.toItem(rep("rep-a", "emea", true)));
    corrupted.put("repId", AttributeValue.fromS("load#rep-a"));
    corrupted.put("credits", AttributeValue.fromN("0"));
    TestDynamo.client().putItem(r -> r.tableName(tables.get("RepsTable")).item(corrupted));

    // WHEN the seed lists the team's reps and routing reads them
    directory.listMembers();
    Roster roster = directory.roster(team("emea"));

    // THEN only the rep is listed and routed, and the row is read as her load
    assertEquals(Set.of("rep-a"), members("emea"));
    assertEquals(List.of("rep-a"), roster.reps().stream().map(Rep::repId).toList());
    assertEquals(Optional.of(Set.of()), roster.withCredit());
  }

  @Test
  void saveCancelledByATurnTakenMeanwhile_isTriedAgain_andSavesOnce() {
    // GIVEN a DynamoDB whose first transaction is cancelled by a conflict, as a lead's
    // round-robin turn taken on the team's item at that moment would cancel it
    seedTeams();
    directory.listMembers();
    boolean[] conflicted = {false};
    DynamoDirectory conflicting =
        new DynamoDirectory(
            around(
                (request, real) -> {
                  if (request instanceof TransactWriteItemsRequest && !conflicted[0]) {
                    conflicted[0] = true;
                    throw TransactionCanceledException.builder()
                        .message("Transaction cancelled")
                        .cancellationReasons(
                            CancellationReason.builder().code("None").build(),
                            CancellationReason.builder().code("TransactionConflict").build())
                        .build();
                  }
                  return null;
                }),
            tables.get("TeamsTable"),
            tables.get("RepsTable"));

    // WHEN a rep is saved, THEN the second try stores and lists her
    conflicting.save(rep("rep-a", "emea", true));
    assertTrue(conflicted[0]);
    assertEquals(Set.of("rep-a"), members("emea"));
    assertEquals(List.of("rep-a"), routed("emea"));
  }

  @Test
  void teamOfMoreThanFiftyReps_isReadInPagesOfAHundredKeys() {
    // GIVEN a listed team of 60 reps: 120 keys with their load items, more than one request takes
    seedTeams();
    directory.listMembers();
    IntStream.range(0, 60)
        .forEach(i -> directory.save(rep(String.format("rep-%02d", i), "emea", true)));
    capacity.credit("rep-59", "lead-1");
    Team emea = team("emea");
    requests.clear();

    Roster roster = directory.roster(emea);

    assertEquals(List.of("BatchGetItem RepsTable", "BatchGetItem RepsTable"), requests);
    assertEquals(60, roster.reps().size());
    assertEquals(Optional.of(Set.of("rep-59")), roster.withCredit());
  }

  @Test
  void unprocessedKeys_areAskedAgainAfterAPause_untilNoneAreLeft() {
    // GIVEN a DynamoDB that processes only the first key of each BatchGetItem
    seedTeams();
    directory.listMembers();
    directory.save(rep("rep-a", "emea", true));
    directory.save(rep("rep-b", "emea", true));
    capacity.credit("rep-b", "lead-1");
    DynamoDirectory throttled =
        new DynamoDirectory(
            oneKeyAtATime(), tables.get("TeamsTable"), tables.get("RepsTable"), pauses::add);

    // WHEN routing reads the team, THEN every rep and load item is read in the end
    Roster roster = throttled.roster(team("emea"));
    assertEquals(List.of("rep-a", "rep-b"), roster.reps().stream().map(Rep::repId).toList());
    assertEquals(Optional.of(Set.of("rep-b")), roster.withCredit());
    assertEquals(
        List.of(Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100)), pauses);
  }

  @Test
  void keysLeftUnprocessedTryAfterTry_failTheRead_ratherThanRouteWithRepsMissing() {
    seedTeams();
    directory.listMembers();
    directory.save(rep("rep-a", "emea", true));
    DynamoDirectory refusing =
        new DynamoDirectory(
            noKeyProcessed(), tables.get("TeamsTable"), tables.get("RepsTable"), pauses::add);

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> refusing.roster(team("emea")));

    assertTrue(e.getMessage().contains("unprocessed after 8 tries"), e.getMessage());
    assertEquals(BatchReads.MAX_TRIES - 1, pauses.size());
  }

  /** A rep item as versions before the lists wrote it: the rep alone. */
  private void putAsBefore(Rep rep) {
    TestDynamo.client()
        .putItem(r -> r.tableName(tables.get("RepsTable")).item(ItemCodec.toItem(rep)));
  }

  /** The test engine, running {@code first} before each TransactWriteItems. */
  private static DynamoDbClient beforeFirstTransaction(Runnable first) {
    return around(
        (request, real) -> {
          if (request instanceof TransactWriteItemsRequest) {
            first.run();
          }
          return null;
        });
  }

  /** The test engine, answering only the first key of each BatchGetItem. */
  private static DynamoDbClient oneKeyAtATime() {
    return around(
        (request, real) -> {
          if (!(request instanceof BatchGetItemRequest batch)) {
            return null;
          }
          String table = batch.requestItems().keySet().iterator().next();
          List<Map<String, AttributeValue>> keys = batch.requestItems().get(table).keys();
          BatchGetItemResponse first =
              real.batchGetItem(
                  r ->
                      r.requestItems(
                          Map.of(
                              table,
                              KeysAndAttributes.builder()
                                  .keys(keys.get(0))
                                  .consistentRead(true)
                                  .build())));
          return keys.size() == 1
              ? first
              : first.toBuilder()
                  .unprocessedKeys(
                      Map.of(
                          table,
                          KeysAndAttributes.builder()
                              .keys(keys.subList(1, keys.size()))
                              .consistentRead(true)
                              .build()))
                  .build();
        });
  }

  /** The test engine, answering no key of any BatchGetItem. */
  private static DynamoDbClient noKeyProcessed() {
    return around(
        (request, real) ->
            request instanceof BatchGetItemRequest batch
                ? BatchGetItemResponse.builder()
                    .responses(Map.of())
                    .unprocessedKeys(batch.requestItems())
                    .build()
                : null);
  }

  /** What a client does instead of the engine: an answer, or null to send the request on. */
  private interface Instead {
    Object answer(Object request, DynamoDbClient real) throws Exception;
  }

  private static DynamoDbClient around(Instead instead) {
    DynamoDbClient real = TestDynamo.client();
    return (DynamoDbClient)
        Proxy.newProxyInstance(
            DynamoDbClient.class.getClassLoader(),
            new Class<?>[] {DynamoDbClient.class},
            (proxy, method, args) -> {
              if (method.getName().endsWith("Paginator")
                  || (args != null && args.length == 1 && args[0] instanceof Consumer)) {
                return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
              }
              if (args != null && args.length == 1) {
                Object answer = instead.answer(args[0], real);
                if (answer != null) {
                  return answer;
                }
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
