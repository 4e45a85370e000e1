package com.leadhandoff.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.admin.RepAdminStore;
import com.leadhandoff.admin.RepChange;
import com.leadhandoff.json.Json;
import com.leadhandoff.routing.OutOfOffice;
import com.leadhandoff.routing.Rep;
import com.leadhandoff.routing.RepFields;
import com.leadhandoff.routing.Team;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Reps in {@code RepsTable} as the admin API changes them. Each rep's changes are one item keyed
 * {@code audit#<repId>} with the list {@code changes} (no {@code teamId}, so it stays out of the
 * team index), written in the same transaction as the rep. Those rows and the reps' {@code load#}
 * rows (see {@link DynamoCapacity}) have keys no rep id can have, so they are never read or listed
 * as reps. Pausing a rep or setting their days away changes no team, so those writes leave the
 * teams' lists of reps alone.
 */
public final class DynamoRepAdminStore implements RepAdminStore {
  private static final String AUDIT = "audit#";

  private final DynamoDbClient dynamo;
  private final String repsTable;
  private final DynamoDirectory directory;

  public DynamoRepAdminStore(DynamoDbClient dynamo, String teamsTable, String repsTable) {
    this.dynamo = dynamo;
    this.repsTable = repsTable;
    this.directory = new DynamoDirectory(dynamo, teamsTable, repsTable);
  }

  @Override
  public List<Team> teams() {
    return directory.teams();
  }

  @Override
  public List<Rep> reps(String teamId) {
    return directory.reps(teamId).stream()
        .filter(rep -> RepFields.idProblem(rep.repId()).isEmpty())
        .toList();
  }

  @Override
  public Optional<Rep> rep(String repId) {
    return RepFields.idProblem(repId).isPresent() ? Optional.empty() : directory.rep(repId);
  }

  @Override
  public void save(Rep rep, RepChange change) {
    // One transaction: the rep, its team's list of reps (and the list of the team it left, when
    // moved; see DynamoDirectory), and its change log.
    directory.save(rep, List.of(audit(rep.repId(), change)));
  }

  @Override
  public Optional<Rep> setPaused(String repId, boolean paused, RepChange change) {
    return set(repId, "paused", ItemCodec.attribute(paused), change);
  }

  @Override
  public Optional<Rep> setOutOfOffice(String repId, List<OutOfOffice> away, RepChange change) {
    return set(repId, "outOfOffice", ItemCodec.attribute(away), change);
  }

  /**
   * Sets one attribute of an existing rep, leaving the others to whoever else is editing them; the
   * condition keeps the update from creating an item, and a rep always has a team.
   */
  private Optional<Rep> set(String repId, String name, AttributeValue value, RepChange change) {
    if (RepFields.idProblem(repId).isPresent()) {
      return Optional.empty();
    }
    try {
      dynamo.transactWriteItems(
          t ->
              t.transactItems(
                  TransactWriteItem.builder()
                      .update(
                          u ->
                              u.tableName(repsTable)
                                  .key(Map.of("repId", AttributeValue.fromS(repId)))
                                  .updateExpression("SET #field = :value")
                                  .conditionExpression("attribute_exists(teamId)")
                                  .expressionAttributeNames(Map.of("#field", name))
                                  .expressionAttributeValues(Map.of(":value", value)))
                      .build(),
                  audit(repId, change)));
    } catch (TransactionCanceledException e) {
      if (e.cancellationReasons().stream()
          .anyMatch(r -> "ConditionalCheckFailed".equals(r.code()))) {
        return Optional.empty();
      }
      throw e;
    }
    return directory.rep(repId);
  }

  private TransactWriteItem audit(String repId, RepChange change) {
    return TransactWriteItem.builder()
        .update(
            u ->
                u.tableName(repsTable)
                    .key(auditKey(repId))
                    .updateExpression(
                        "SET changes = list_append(if_not_exists(changes, :none), :change)")
                    .expressionAttributeValues(
                        Map.of(
                            ":none", AttributeValue.fromL(List.of()),
                            ":change", AttributeValue.fromL(List.of(ItemCodec.attribute(change))))))
        .build();
  }

  @Override
  public List<RepChange> changes(String repId) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(r -> r.tableName(repsTable).key(auditKey(repId)).consistentRead(true))
            .item();
    List<RepChange> changes = new ArrayList<>();
    if (item != null && item.containsKey("changes")) {
      JsonNode list = ItemCodec.toNode(item).get("changes");
      list.forEach(c -> changes.add(Json.MAPPER.convertValue(c, RepChange.class)));
    }
    return changes;
  }

  private static Map<String, AttributeValue> auditKey(String repId) {
    return Map.of("repId", AttributeValue.fromS(AUDIT + repId));
  }
}
