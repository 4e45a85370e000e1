package com.leadhandoff.store;

import com.leadhandoff.routing.Directory;
import com.leadhandoff.routing.Rep;
import com.leadhandoff.routing.RepFields;
import com.leadhandoff.routing.Roster;
import com.leadhandoff.routing.Team;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Teams in {@code TeamsTable} (with their round-robin counter {@code turn}) and reps in {@code
 * RepsTable} (index {@code byTeam}).
 *
 * <p>A team's item lists the ids of its reps in the string set {@code members}, so routing reads
 * the team's reps and their load items by key in one strongly consistent BatchGetItem instead of
 * querying the index (whose reads are only eventually consistent, DynamoDB developer guide, "Read
 * consistency") and then reading the load. {@code membersListed} says the list is kept: a set
 * cannot be empty, so a team without reps has no {@code members}, and a team stored before the
 * lists has neither and is read through the index as before, until the seed lists its reps ({@link
 * #listMembers}). The list may hold a rep who has since left the team, never miss one who is in it:
 * every save of a rep adds it to its team's list in the same transaction (and takes it off the team
 * it left), and the seed only ever adds. A rep's own item says its team, so routing skips the one
 * who left.
 */
public final class DynamoDirectory implements Directory {
  /** The Teams item's set of rep ids. */
  static final String MEMBERS = "members";

  /** True on a Teams item whose {@link #MEMBERS} are kept (absent when empty). */
  static final String MEMBERS_LISTED = "membersListed";

  /** How many times a save of a rep is tried when its team changed meanwhile. */
  private static final int SAVE_TRIES = 5;

  private final DynamoDbClient dynamo;
  private final String teamsTable;
  private final String repsTable;
  private final BatchReads batches;

  public DynamoDirectory(DynamoDbClient dynamo, String teamsTable, String repsTable) {
    this(dynamo, teamsTable, repsTable, BatchReads.Pause.SLEEP);
  }

  /**
   * @param pause waits between tries of keys a BatchGetItem left unprocessed
   */
  DynamoDirectory(
      DynamoDbClient dynamo, String teamsTable, String repsTable, BatchReads.Pause pause) {
    this.dynamo = dynamo;
    this.teamsTable = teamsTable;
    this.repsTable = repsTable;
    this.batches = new BatchReads(dynamo, pause);
  }

  @Override
  public Optional<Team> team(String teamId) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                r ->
                    r.tableName(teamsTable)
                        .key(Map.of("teamId", AttributeValue.fromS(teamId)))
                        .consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(team(item));
  }

  /** The team of a Teams item, with its reps' ids when the item keeps them. */
  private static Team team(Map<String, AttributeValue> item) {
    Team read = ItemCodec.fromItem(item, Team.class);
    AttributeValue listed = item.get(MEMBERS_LISTED);
    Optional<Set<String>> members =
        listed != null && Boolean.TRUE.equals(listed.bool())
            ? Optional.of(item.containsKey(MEMBERS) ? Set.copyOf(item.get(MEMBERS).ss()) : Set.of())
            : Optional.empty();
    return new Team(
        read.teamId(),
        read.name(),
        read.managerName(),
        read.managerEmail(),
        read.isDefault(),
        members);
  }

  @Override
  public Optional<Team> defaultTeam() {
    // Teams are few; a filtered scan is simpler than an index for one flag.
    return dynamo
        .scanPaginator(
            r ->
                r.tableName(teamsTable)
                    .filterExpression("isDefault = :yes")
                    .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true)))
                    .consistentRead(true))
        .items()
        .stream()
        .map(DynamoDirectory::team)
        .min(Comparator.comparing(Team::teamId));
  }

  @Override
  public Optional<Rep> rep(String repId) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                r ->
                    r.tableName(repsTable)
                        .key(Map.of("repId", AttributeValue.fromS(repId)))
                        .consistentRead(true))
            .item();
    return item == null || item.isEmpty()
        ? Optional.empty()
        : Optional.of(ItemCodec.fromItem(item, Rep.class));
  }

  @Override
  public List<Rep> activeReps(String teamId) {
    return reps(teamId).stream().filter(Rep::active).toList();
  }

  @Override
  public Roster roster(Team team) {
    if (team.members().isEmpty()) {
      // Stored before teams listed their reps, and not seeded since: Query byTeam, then the load
      // items, as before the lists.
      return new Roster(activeReps(team.teamId()), Optional.empty());
    }
    // The team's item (read once with Acknowledge Lead) lists its reps: one BatchGetItem Reps,
    // strongly consistent, reads them and their load items (credited turns) together, so a rep
    // an admin just moved, added or deactivated is routed as they are now.
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (String repId : new TreeSet<>(team.members().get())) {
      keys.add(Map.of("repId", AttributeValue.fromS(repId)));
      keys.add(DynamoCapacity.key(repId));
    }
    List<Rep> reps = new ArrayList<>();
    Set<String> credited = new HashSet<>();
    Map<String, String> loadDays = new HashMap<>();
    for (Map<String, AttributeValue> item : batches.get(repsTable, keys)) {
      if (DynamoCapacity.isLoad(item)) {
        DynamoCapacity.creditedRep(item).ifPresent(credited::add);
        // The day the rep's count of leads belongs to: Route Lead's reservation starts a new day
        // with one UpdateItem instead of trying today's count first (DynamoCapacity#reserve).
        DynamoCapacity.loadDay(item).ifPresent(day -> loadDays.put(day.getKey(), day.getValue()));
      } else if (item.containsKey("teamId") && team.teamId().equals(item.get("teamId").s())) {
        // A rep who left the team is still listed if the seed added them back meanwhile.
        Rep rep = ItemCodec.fromItem(item, Rep.class);
        if (rep.active()) {
          reps.add(rep);
        }
      }
    }
    reps.sort(Comparator.comparing(Rep::repId));
    Set<String> ids = reps.stream().map(Rep::repId).collect(Collectors.toSet());
    credited.retainAll(ids);
    loadDays.keySet().retainAll(ids);
    return new Roster(reps, Optional.of(credited), Optional.of(loadDays));
  }

  @Override
  public long nextTurn(String teamId) {
    Map<String, AttributeValue> updated =
        dynamo
            .updateItem(
                r ->
                    r.tableName(teamsTable)
                        .key(Map.of("teamId", AttributeValue.fromS(teamId)))
                        .updateExpression("ADD turn :one")
                        .conditionExpression("attribute_exists(teamId)")
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                        .returnValues(ReturnValue.UPDATED_NEW))
            .attributes();
    return Long.parseLong(updated.get("turn").n());
  }

  /** Every team, by id. */
  public List<Team> teams() {
    return dynamo.scanPaginator(r -> r.tableName(teamsTable).consistentRead(true)).items().stream()
        .map(DynamoDirectory::team)
        .sorted(Comparator.comparing(Team::teamId))
        .toList();
  }

  /** Every rep of the team, active or not, by rep id. */
  public List<Rep> reps(String teamId) {
    return dynamo
        .queryPaginator(
            r ->
                r.tableName(repsTable)
                    .indexName("byTeam")
                    .keyConditionExpression("teamId = :team")
                    .expressionAttributeValues(Map.of(":team", AttributeValue.fromS(teamId))))
        .items()
        .stream()
        .map(item -> ItemCodec.fromItem(item, Rep.class))
        .sorted(Comparator.comparing(Rep::repId))
        .toList();
  }

  /** Creates or replaces a team, keeping its round-robin counter. */
  public void save(Team team) {
    Map<String, AttributeValue> values =
        Map.of(
            ":name", AttributeValue.fromS(team.name()),
            ":managerName", AttributeValue.fromS(team.managerName()),
            ":managerEmail", AttributeValue.fromS(team.managerEmail()),
            ":isDefault", AttributeValue.fromBool(team.isDefault()));
    dynamo.updateItem(
        r ->
            r.tableName(teamsTable)
                .key(Map.of("teamId", AttributeValue.fromS(team.teamId())))
                .updateExpression(
                    "SET #name = :name, managerName = :managerName,"
                        + " managerEmail = :managerEmail, isDefault = :isDefault")
                .expressionAttributeNames(Map.of("#name", "name"))
                .expressionAttributeValues(values));
  }

  /** Creates or replaces a rep, listing it in its team (and off the team it left). */
  public void save(Rep rep) {
    save(rep, List.of());
  }

  /**
   * Creates or replaces a rep with {@code with} in one TransactWriteItems: the rep, conditional on
   * its team being the one read just before; its id added to its team's list; and, when it moved,
   * taken off the old team's list. Admin edits are rare, so the Teams items in the transaction are
   * no hot spot (a lead's route only reads them and takes a turn, never in a transaction). A team
   * that is not stored is left alone: no lead is routed to it, and the seed lists its reps when it
   * is added.
   *
   * @param with more writes that must happen with the rep's (its change log)
   */
  void save(Rep rep, List<TransactWriteItem> with) {
    for (int tries = 1; ; tries++) {
      Optional<String> was = storedTeam(rep.repId());
      boolean listIn = true;
      boolean listOff = was.isPresent() && !was.get().equals(rep.teamId());
      while (true) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(put(rep, was));
        if (listIn) {
          items.add(members(rep.teamId(), "ADD", rep.repId()));
        }
        if (listOff) {
          items.add(members(was.get(), "DELETE", rep.repId()));
        }
        items.addAll(with);
        try {
          dynamo.transactWriteItems(t -> t.transactItems(items));
          return;
        } catch (TransactionCanceledException e) {
          List<String> codes = e.cancellationReasons().stream().map(r -> r.code()).toList();
          // A Teams item is written by every lead's round-robin turn; one taken while this
          // transaction was under way cancels it with TransactionConflict (developer guide,
          // "Transaction conflict handling"), and trying again a moment later succeeds.
          if (failed(codes, 0) || codes.contains("TransactionConflict")) {
            break;
          }
          boolean noTeam = listIn && failed(codes, 1);
          boolean noOldTeam = listOff && failed(codes, listIn ? 2 : 1);
          if (!noTeam && !noOldTeam) {
            throw e;
          }
          listIn &= !noTeam;
          listOff &= !noOldTeam;
        }
      }
      // Someone else saved the rep in between, or wrote one of the items: read its team again.
      if (tries == SAVE_TRIES) {
        throw new IllegalStateException(
            "Rep "
                + rep.repId()
                + " or its team was changed by someone else "
                + SAVE_TRIES
                + " times while being saved; nothing was saved, try again");
      }
    }
  }

  private static boolean failed(List<String> codes, int index) {
    return index < codes.size() && "ConditionalCheckFailed".equals(codes.get(index));
  }

  /** The team the stored rep is in, if the rep is stored. */
  private Optional<String> storedTeam(String repId) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                r ->
                    r.tableName(repsTable)
                        .key(Map.of("repId", AttributeValue.fromS(repId)))
                        .projectionExpression("teamId")
                        .consistentRead(true))
            .item();
    return item == null || !item.containsKey("teamId")
        ? Optional.empty()
        : Optional.of(item.get("teamId").s());
  }

  private TransactWriteItem put(Rep rep, Optional<String> was) {
    return TransactWriteItem.builder()
        .put(
            p -> {
              p.tableName(repsTable).item(ItemCodec.toItem(rep));
              if (was.isPresent()) {
                p.conditionExpression("teamId = :was")
                    .expressionAttributeValues(Map.of(":was", AttributeValue.fromS(was.get())));
              } else {
                p.conditionExpression("attribute_not_exists(repId)");
              }
            })
        .build();
  }

  /** ADD or DELETE the rep in the team's list, if the team is stored. */
  private TransactWriteItem members(String teamId, String action, String repId) {
    return TransactWriteItem.builder()
        .update(
            u ->
                u.tableName(teamsTable)
                    .key(Map.of("teamId", AttributeValue.fromS(teamId)))
                    .updateExpression(action + " #members :rep")
                    .conditionExpression("attribute_exists(teamId)")
                    .expressionAttributeNames(Map.of("#members", MEMBERS))
                    .expressionAttributeValues(
                        Map.of(":rep", AttributeValue.fromSs(List.of(repId)))))
        .build();
  }

  /**
   * Lists every stored team's reps in its item and marks the list kept: the seed's migration of
   * teams stored before the lists, run on every seed. A Scan with ConsistentRead reflects every
   * write completed before it began (API reference, "Scan"), so no rep stored by then is missed;
   * the ids are added (ADD, a union), so a rep saved meanwhile, which lists itself, stays listed. A
   * rep moved meanwhile may be added back to the team it left, which routing skips.
   *
   * @return team id → how many reps it lists now, for the seed's report
   */
  public Map<String, Integer> listMembers() {
    Map<String, Set<String>> byTeam = new TreeMap<>();
    dynamo
        .scanPaginator(
            r ->
                r.tableName(repsTable)
                    .consistentRead(true)
                    .projectionExpression("repId, teamId")
                    .filterExpression("attribute_exists(teamId)"))
        .items()
        .stream()
        // Load and audit rows have keys no rep id can have, even one an earlier version wrote
        // whole rep fields into.
        .filter(item -> RepFields.idProblem(item.get("repId").s()).isEmpty())
        .forEach(
            item ->
                byTeam
                    .computeIfAbsent(item.get("teamId").s(), t -> new TreeSet<>())
                    .add(item.get("repId").s()));
    Map<String, Integer> listed = new TreeMap<>();
    for (Team team : teams()) {
      Set<String> ids = byTeam.getOrDefault(team.teamId(), Set.of());
      Map<String, AttributeValue> values = new HashMap<>();
      values.put(":yes", AttributeValue.fromBool(true));
      String update = "SET " + MEMBERS_LISTED + " = :yes";
      if (!ids.isEmpty()) {
        // A set cannot be empty: a team without reps only gets the mark.
        values.put(":ids", AttributeValue.fromSs(List.copyOf(ids)));
        update += " ADD " + MEMBERS + " :ids";
      }
      String expression = update;
      try {
        Map<String, AttributeValue> after =
            dynamo
                .updateItem(
                    r ->
                        r.tableName(teamsTable)
                            .key(Map.of("teamId", AttributeValue.fromS(team.teamId())))
                            .updateExpression(expression)
                            .conditionExpression("attribute_exists(teamId)")
                            .expressionAttributeValues(values)
                            .returnValues(ReturnValue.ALL_NEW))
                .attributes();
        listed.put(team.teamId(), after.containsKey(MEMBERS) ? after.get(MEMBERS).ss().size() : 0);
      } catch (ConditionalCheckFailedException e) {
        // Not there any more: nothing to list.
      }
    }
    return listed;
  }
}
