package com.leadhandoff.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.dynamodb.error.DynamoDbException;
import com.leadhandoff.dynamodb.model.AttributeValueJson;
import com.leadhandoff.dynamodb.table.Database;
import com.leadhandoff.dynamodb.table.Item;
import com.leadhandoff.dynamodb.table.ItemKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * TransactWriteItems (API Reference, "TransactWriteItems"): up to 100 ConditionCheck, Put, Update
 * and Delete actions on distinct items, all or nothing. The items' locks are taken in one global
 * order; every condition is checked and every new item computed before anything is written, then
 * all writes are made durable as one unit and installed. A failed condition cancels the whole
 * transaction with a reason per action. A ClientRequestToken makes a repeat within 10 minutes
 * answer as the first did without writing again.
 */
public final class TransactWriteItems implements Operation {
  /** How long a ClientRequestToken is remembered (API Reference: 10 minutes). */
  static final long TOKEN_MILLIS = 10 * 60 * 1000;

  private record Token(JsonNode request, long expires) {}

  private record Expiry(String token, long expires) {}

  /** One item of one table, for refusing two actions on it. */
  private record Target(String table, ItemKey key) {}

  private final ConcurrentHashMap<String, Token> tokens = new ConcurrentHashMap<>();

  /** Tokens in the order they were recorded, hence of expiry; the head expires first. */
  private final ConcurrentLinkedQueue<Expiry> expiries = new ConcurrentLinkedQueue<>();

  @Override
  public ObjectNode apply(Request r) {
    JsonNode items = r.transactItems();
    List<WriteAction> actions = new ArrayList<>();
    Set<Target> seen = new HashSet<>();
    for (JsonNode item : items) {
      WriteAction action;
      if (item.has("Put")) {
        action = WriteAction.parse(WriteAction.Kind.PUT, item.get("Put"), r.db);
      } else if (item.has("Update")) {
        action = WriteAction.parse(WriteAction.Kind.UPDATE, item.get("Update"), r.db);
      } else if (item.has("Delete")) {
        action = WriteAction.parse(WriteAction.Kind.DELETE, item.get("Delete"), r.db);
      } else if (item.has("ConditionCheck")) {
        action = WriteAction.parse(WriteAction.Kind.CHECK, item.get("ConditionCheck"), r.db);
      } else {
        throw DynamoDbException.validation(
            "TransactItems can only contain one of Check, Put, Update or Delete");
      }
      if (!seen.add(new Target(action.table.def().name, action.key))) {
        throw DynamoDbException.validation(
            "Transaction request cannot include multiple operations on one item");
      }
      actions.add(action);
    }
    String token = r.text("ClientRequestToken");
    Request.returnConsumedCapacity(r.body);
    Consumption consumed = Consumption.writes();
    int[] stripes = new int[actions.size()];
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = r.db.stripe(actions.get(i).table, actions.get(i).key);
    }
    try (Database.Held held = r.db.lockAll(stripes)) {
      if (token != null && repeated(token, r)) {
        return JsonNodeFactory.instance.objectNode();
      }
      List<Database.Write> writes = new ArrayList<>();
      ArrayNode reasons = JsonNodeFactory.instance.arrayNode();
      List<String> codes = new ArrayList<>();
      boolean cancelled = false;
      for (WriteAction action : actions) {
        Item old = action.table.get(action.key);
        ObjectNode reason = reasons.addObject();
        if (!action.holds(old)) {
          consumed.write(action.table, old, old, 2);
          cancelled = true;
          reason.put("Code", "ConditionalCheckFailed");
          reason.put("Message", "The conditional request failed");
          if (action.allOldOnFailure && old != null) {
            reason.set("Item", AttributeValueJson.writeItem(old.attributes()));
          }
          codes.add("ConditionalCheckFailed");
          continue;
        }
        try {
          Item neu = action.result(old);
          // Every item of a transaction, a ConditionCheck too, costs two write units per KB.
          consumed.write(action.table, old, action.kind == WriteAction.Kind.CHECK ? old : neu, 2);
          if (action.kind != WriteAction.Kind.CHECK && (old != null || neu != null)) {
            writes.add(new Database.Write(action.table, action.key, old, neu));
          }
          reason.put("Code", "None");
          codes.add("None");
        } catch (DynamoDbException e) {
          if (!e.type().equals("ValidationException")) {
            throw e;
          }
          cancelled = true;
          reason.put("Code", "ValidationError");
          reason.put("Message", e.getMessage());
          codes.add("ValidationError");
        }
      }
      consumed.meter(r.db.meter);
      if (cancelled) {
        ObjectNode extra = JsonNodeFactory.instance.objectNode();
        extra.set("CancellationReasons", reasons);
        throw new DynamoDbException(
            "TransactionCanceledException",
            "Transaction cancelled, please refer cancellation reasons for specific reasons "
                + codes.toString(),
            400,
            extra);
      }
      r.db.commit(writes);
      if (token != null) {
        remember(token, r);
      }
    }
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    consumed.answerList(r.body, response);
    return response;
  }

  /** True if {@code token} answered this same request within 10 minutes; a different one fails. */
  private boolean repeated(String token, Request r) {
    long now = r.db.clock.millis();
    for (Expiry head; (head = expiries.peek()) != null && head.expires() <= now; ) {
      expiries.poll();
      tokens.computeIfPresent(head.token(), (k, t) -> t.expires() <= now ? null : t);
    }
    Token previous = tokens.get(token);
    if (previous == null || previous.expires() <= now) {
      return false;
    }
    if (!previous.request().equals(r.body)) {
      throw new DynamoDbException(
          "IdempotentParameterMismatchException",
          "The request uses the same client token as a previous, but non-identical request.",
          400,
          null);
    }
    return true;
  }

  private void remember(String token, Request r) {
    long expires = r.db.clock.millis() + TOKEN_MILLIS;
    tokens.put(token, new Token(r.body, expires));
    expiries.add(new Expiry(token, expires));
  }
}
