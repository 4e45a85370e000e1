package com.leadhandoff.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.admin.RepAdminStore;
import com.leadhandoff.admin.RepChange;
import com.leadhandoff.json.Json;
import com.leadhandoff.routing.Rep;
import com.leadhandoff.routing.Team;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reps in {@code RepsTable} as the admin API changes them. Each rep's changes are one item keyed
 * {@code audit#<repId>} with the list {@code changes} (no {@code teamId}, so it stays out of the
 * team index), written in the same transaction as the rep.
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
    return directory.reps(teamId);
  }

  @Override
  public Optional<Rep> rep(String repId) {
    return directory.rep(repId);
  }

  @Override
  public void save(Rep rep, RepChange change) {
    dynamo.transactWriteItems(
        t ->
            t.transactItems(
                i -> i.put(p -> p.tableName(repsTable).item(ItemCodec.toItem(rep))),
                i ->
                    i.update(
                        u ->
                            u.tableName(repsTable)
                                .key(auditKey(rep.repId()))
                                .updateExpression(
                                    "SET changes = list_append(if_not_exists(changes, :none),"
                                        + " :change)")
                                .expressionAttributeValues(
                                    Map.of(
                                        ":none", AttributeValue.fromL(List.of()),
                                        ":change",
                                            AttributeValue.fromL(
                                                List.of(ItemCodec.attribute(change))))))));
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
