package com.leadhandoff.store;

import com.leadhandoff.json.Json;
import com.leadhandoff.sla.SlaFacts;
import com.leadhandoff.sla.SlaFactsStore;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SLA facts in {@code SlaFactsTable}: partition {@code day} = the UTC date the lead was received,
 * sort key {@code leadId}. A report over a period queries one partition per day and never reads the
 * leads table; a lead's facts keep their key as they change, since its receipt never moves.
 *
 * <p>The facts are stored as one JSON attribute beside the keys and a few plain attributes that
 * make the table readable in the console.
 */
public final class DynamoSlaFactsStore implements SlaFactsStore {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoSlaFactsStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public void put(SlaFacts facts) {
    String json;
    try {
      json = Json.MAPPER.writeValueAsString(facts);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("SLA facts of " + facts.leadId() + " not writable", e);
    }
    dynamo.putItem(
        r ->
            r.tableName(table)
                .item(
                    Map.of(
                        "day", AttributeValue.fromS(day(facts).toString()),
                        "leadId", AttributeValue.fromS(facts.leadId()),
                        "escalated", AttributeValue.fromBool(facts.escalated()),
                        "acceptedWithinSla", AttributeValue.fromBool(facts.acceptedWithinSla()),
                        "breaches", AttributeValue.fromN(Integer.toString(facts.breaches().size())),
                        "facts", AttributeValue.fromS(json))));
  }

  @Override
  public List<SlaFacts> receivedOn(LocalDate day) {
    return dynamo
        .queryPaginator(
            r ->
                r.tableName(table)
                    .keyConditionExpression("#day = :day")
                    .expressionAttributeNames(Map.of("#day", "day"))
                    .expressionAttributeValues(
                        Map.of(":day", AttributeValue.fromS(day.toString()))))
        .items()
        .stream()
        .map(item -> read(item.get("facts").s()))
        .toList();
  }

  private static LocalDate day(SlaFacts facts) {
    return facts.receivedAt().atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static SlaFacts read(String json) {
    try {
      return Json.MAPPER.readValue(json, SlaFacts.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Stored SLA facts unreadable: " + e.getMessage(), e);
    }
  }
}
