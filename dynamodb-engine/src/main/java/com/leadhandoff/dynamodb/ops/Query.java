package com.leadhandoff.dynamodb.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.dynamodb.error.DynamoDbException;
import com.leadhandoff.dynamodb.expr.Expressions;
import com.leadhandoff.dynamodb.expr.KeyCondition;
import com.leadhandoff.dynamodb.model.AttributeValue;
import com.leadhandoff.dynamodb.model.AttributeValueJson;
import com.leadhandoff.dynamodb.model.Ordering;
import com.leadhandoff.dynamodb.table.Index;
import com.leadhandoff.dynamodb.table.IndexEntry;
import com.leadhandoff.dynamodb.table.Item;
import com.leadhandoff.dynamodb.table.ItemKey;
import com.leadhandoff.dynamodb.table.KeyElement;
import com.leadhandoff.dynamodb.table.KeyValue;
import java.util.Collections;
import java.util.Iterator;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Query (API Reference, "Query"): the items of one partition of a table or index, in sort key order
 * (ScanIndexForward=false reverses it), narrowed by one sort key condition, then filtered.
 */
public final class Query implements Operation {
  @Override
  public ObjectNode apply(Request r) {
    Request.refuseLegacy(
        r.body,
        "KeyConditions",
        "KeyConditionExpression",
        "QueryFilter",
        "FilterExpression",
        "AttributesToGet",
        "ProjectionExpression",
        "ConditionalOperator",
        "FilterExpression");
    Reads reads = new Reads(r, "Query");
    String text = r.text("KeyConditionExpression");
    if (text == null) {
      throw DynamoDbException.validation(
          "Either the KeyConditions or KeyConditionExpression parameter must be specified in the"
              + " request.");
    }
    KeyElement hash = reads.index == null ? reads.def.hash : reads.index.hash();
    KeyElement range = reads.index == null ? reads.def.range : reads.index.range();
    KeyCondition kc =
        Expressions.keyCondition(
            text,
            reads.attributes,
            hash.name(),
            range == null ? Optional.empty() : Optional.of(range.name()));
    reads.checkAllUsed(r.body);
    String filterText = r.text("FilterExpression");
    if (filterText != null) {
      refuseKeyInFilter(filterText, r.body.get("ExpressionAttributeNames"), hash, range);
    }
    checkType(kc.partitionValue(), hash);
    KeyCondition.SortCondition sc = kc.sortCondition().orElse(null);
    if (sc != null) {
      for (AttributeValue v : sc.operands()) {
        checkType(v, range);
      }
      if (sc.operator() == KeyCondition.Operator.BEGINS_WITH && range.type().equals("N")) {
        throw DynamoDbException.validation(
            "Invalid KeyConditionExpression: Incorrect operand type for operator or function;"
                + " operator or function: begins_with, operand type: N");
      }
      if (sc.operator() == KeyCondition.Operator.BETWEEN
          && Ordering.compare(sc.operands().get(0), sc.operands().get(1)).orElse(0) > 0) {
        throw DynamoDbException.validation(
            "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be"
                + " greater than or equal to lower bound; lower bound operand: AttributeValue: "
                + AttributeValueJson.write(sc.operands().get(0))
                + ", upper bound operand: AttributeValue: "
                + AttributeValueJson.write(sc.operands().get(1)));
      }
    }
    reads.checkStartKey();
    if (reads.exclusiveStartKey != null
        && !reads.exclusiveStartKey.get(hash.name()).equals(kc.partitionValue())) {
      throw DynamoDbException.validation(
          "The provided starting key is invalid: The provided starting key does not match the"
              + " range key predicate");
    }
    boolean forward = r.body.path("ScanIndexForward").asBoolean(true);
    KeyValue partition = KeyValue.of(kc.partitionValue());
    Bounds b = Bounds.of(sc);
    Iterator<Item> items;
    if (reads.index == null) {
      ConcurrentSkipListMap<KeyValue, Item> p = reads.table.partition(partition);
      if (p == null) {
        items = Collections.emptyIterator();
      } else {
        KeyValue lo = b.lo;
        boolean loInc = b.loInc;
        KeyValue hi = b.hi;
        boolean hiInc = b.hiInc;
        if (reads.exclusiveStartKey != null) {
          KeyValue start =
              range == null
                  ? KeyValue.NONE
                  : KeyValue.of(reads.exclusiveStartKey.get(range.name()));
          if (range == null) {
            p = new ConcurrentSkipListMap<>();
          } else if (forward && start.compareTo(lo) >= 0) {
            lo = start;
            loInc = false;
          } else if (!forward && start.compareTo(hi) <= 0) {
            hi = start;
            hiInc = false;
          }
        }
        items = iterate(range(p, lo, loInc, hi, hiInc), forward, sc);
      }
    } else {
      Index index = reads.table.indexes().get(reads.index.name());
      ConcurrentSkipListMap<IndexEntry, Item> p = index.partition(partition);
      if (p == null) {
        items = Collections.emptyIterator();
      } else {
        IndexEntry lo = new IndexEntry(b.lo, b.loInc ? IndexEntry.FIRST : IndexEntry.LAST);
        IndexEntry hi = new IndexEntry(b.hi, b.hiInc ? IndexEntry.LAST : IndexEntry.FIRST);
        boolean loInc = true;
        boolean hiInc = true;
        if (reads.exclusiveStartKey != null) {
          KeyValue sort =
              range == null
                  ? KeyValue.NONE
                  : KeyValue.of(reads.exclusiveStartKey.get(range.name()));
          KeyValue tp = KeyValue.of(reads.exclusiveStartKey.get(reads.def.hash.name()));
          KeyValue ts =
              reads.def.range == null
                  ? KeyValue.NONE
                  : KeyValue.of(reads.exclusiveStartKey.get(reads.def.range.name()));
          IndexEntry start = new IndexEntry(sort, new ItemKey(tp, ts));
          if (forward && start.compareTo(lo) >= 0) {
            lo = start;
            loInc = false;
          } else if (!forward && start.compareTo(hi) <= 0) {
            hi = start;
            hiInc = false;
          }
        }
        items = iterate(range(p, lo, loInc, hi, hiInc), forward, sc);
      }
    }
    return reads.run(items, r);
  }

  /**
   * A Query's FilterExpression may not name the queried key's attributes; they belong in the key
   * condition (Developer Guide, "Filter expressions for Query": "A filter expression cannot contain
   * partition key or sort key attributes"). Finds the top-level attribute of every document path in
   * the (already parsed, so well-formed) expression: a name or {@code #placeholder} not after a
   * dot, not a function name, not a keyword.
   */
  static void refuseKeyInFilter(
      String text,
      com.fasterxml.jackson.databind.JsonNode names,
      KeyElement hash,
      KeyElement range) {
    int i = 0;
    int n = text.length();
    char previous = ' ';
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '#' || c == ':' || Character.isLetter(c) || c == '_') {
        int start = i++;
        while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
          i++;
        }
        String token = text.substring(start, i);
        int next = i;
        while (next < n && Character.isWhitespace(text.charAt(next))) {
          next++;
        }
        boolean function = next < n && text.charAt(next) == '(';
        boolean keyword =
            token.equalsIgnoreCase("AND")
                || token.equalsIgnoreCase("OR")
                || token.equalsIgnoreCase("NOT")
                || token.equalsIgnoreCase("BETWEEN")
                || token.equalsIgnoreCase("IN");
        if (c != ':' && previous != '.' && !function && !keyword) {
          String name = token;
          if (c == '#') {
            name = names == null || !names.has(token) ? null : names.get(token).asText();
          }
          if (name != null
              && (name.equals(hash.name()) || (range != null && name.equals(range.name())))) {
            throw DynamoDbException.validation(
                "Filter Expression can only contain non-primary key attributes: Primary key"
                    + " attribute: "
                    + name);
          }
        }
        previous = 'a';
        continue;
      }
      previous = c;
      i++;
    }
  }

  /** The key condition's operands must be of the key's declared type. */
  private static void checkType(AttributeValue v, KeyElement key) {
    if (!v.type().equals(key.type())) {
      throw DynamoDbException.invalidParameter(
          "Condition parameter type does not match schema type");
    }
  }

  private static <K extends Comparable<K>> NavigableMap<K, Item> range(
      ConcurrentSkipListMap<K, Item> map, K lo, boolean loInc, K hi, boolean hiInc) {
    int c = lo.compareTo(hi);
    if (c > 0 || (c == 0 && !(loInc && hiInc))) {
      return Collections.emptyNavigableMap();
    }
    return map.subMap(lo, loInc, hi, hiInc);
  }

  /** Iterates in order, skipping what begins_with's range bound cannot exclude. */
  private static <K> Iterator<Item> iterate(
      NavigableMap<K, Item> map, boolean forward, KeyCondition.SortCondition sc) {
    Iterator<Item> it = (forward ? map : map.descendingMap()).values().iterator();
    if (sc == null || sc.operator() != KeyCondition.Operator.BEGINS_WITH) {
      return it;
    }
    AttributeValue prefix = sc.operands().get(0);
    String sortKey = sc.sortKey();
    return new Iterator<>() {
      Item next = advance();

      private Item advance() {
        while (it.hasNext()) {
          Item item = it.next();
          if (beginsWith(item.attributes().get(sortKey), prefix)) {
            return item;
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Item next() {
        Item item = next;
        next = advance();
        return item;
      }
    };
  }

  static boolean beginsWith(AttributeValue v, AttributeValue prefix) {
    if (v instanceof AttributeValue.S s && prefix instanceof AttributeValue.S p) {
      return s.value().startsWith(p.value());
    }
    if (v instanceof AttributeValue.B s && prefix instanceof AttributeValue.B p) {
      return s.value().startsWith(p.value());
    }
    return false;
  }

  /** The sort key range a sort condition selects. */
  private record Bounds(KeyValue lo, boolean loInc, KeyValue hi, boolean hiInc) {
    static Bounds of(KeyCondition.SortCondition sc) {
      if (sc == null) {
        return new Bounds(KeyValue.MIN, true, KeyValue.MAX, true);
      }
      KeyValue v = KeyValue.of(sc.operands().get(0));
      switch (sc.operator()) {
        case EQ:
          return new Bounds(v, true, v, true);
        case LT:
          return new Bounds(KeyValue.MIN, true, v, false);
        case LE:
          return new Bounds(KeyValue.MIN, true, v, true);
        case GT:
          return new Bounds(v, false, KeyValue.MAX, true);
        case GE:
          return new Bounds(v, true, KeyValue.MAX, true);
        case BETWEEN:
          return new Bounds(v, true, KeyValue.of(sc.operands().get(1)), true);
        default: // BEGINS_WITH: from the prefix on; the iteration skips the rest
          return new Bounds(v, true, KeyValue.MAX, true);
      }
    }
  }
}
