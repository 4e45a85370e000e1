package com.leadhandoff.store;

import com.leadhandoff.routing.Directory;
import com.leadhandoff.routing.Rep;
import com.leadhandoff.routing.Team;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Teams in {@code TeamsTable} (with their round-robin counter {@code turn}) and reps in {@code
 * RepsTable} (index {@code byTeam}).
 */
public final class DynamoDirectory implements Directory {
  private final DynamoDbClient dynamo;
  private final String teamsTable;
  private final String repsTable;

  public DynamoDirectory(DynamoDbClient dynamo, String teamsTable, String repsTable) {
    this.dynamo = dynamo;
    this.teamsTable = teamsTable;
    this.repsTable = repsTable;
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
    return item == null || item.isEmpty()
        ? Optional.empty()
        : Optional.of(ItemCodec.fromItem(item, Team.class));
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
        .map(item -> ItemCodec.fromItem(item, Team.class))
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
        .map(item -> ItemCodec.fromItem(item, Team.class))
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

  /** Creates or replaces a rep. */
  public void save(Rep rep) {
    dynamo.putItem(r -> r.tableName(repsTable).item(ItemCodec.toItem(rep)));
  }
}
