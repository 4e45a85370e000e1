package com.leadhandoff.dynamodb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** GetItem through the SDK (API Reference, "GetItem"). */
class GetItemTest extends EngineTest {

  @Test
  void putThenGetReturnsTheItem() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "n", 42, "s", "x")));
    GetItemResponse got = ddb.getItem(b -> b.tableName(t).key(item("pk", "a")));
    assertEquals(item("pk", "a", "n", 42, "s", "x"), got.item());
  }

  @Test
  void getOfAbsentItemHasNoItem() {
    String t = table(null);
    assertFalse(ddb.getItem(b -> b.tableName(t).key(item("pk", "none"))).hasItem());
  }

  @Test
  void getWithAKeyNotMatchingTheSchemaIsRefused() {
    String t = table("S");
    var e =
        assertThrows(
            DynamoDbException.class, () -> ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))));
    assertEquals(
        "The provided key element does not match the schema", e.awsErrorDetails().errorMessage());
  }

  @Test
  void operationsOnAMissingTableAreResourceNotFound() {
    assertThrows(
        ResourceNotFoundException.class,
        () -> ddb.getItem(b -> b.tableName("nope-" + name()).key(item("pk", "a"))));
  }

  @Test
  void projectionExpressionReturnsOnlyTheNamedAttributes() {
    String t = table(null);
    ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "x", 1, "y", 2, "z", 3)));
    var got =
        ddb.getItem(
            b ->
                b.tableName(t)
                    .key(item("pk", "a"))
                    .projectionExpression("x, #y")
                    .expressionAttributeNames(Map.of("#y", "y")));
    assertEquals(item("x", 1, "y", 2), got.item());
  }

  @Test
  void tableArnIsAcceptedInPlaceOfTheName() {
    String t = table(null);
    String arn = ddb.describeTable(b -> b.tableName(t)).table().tableArn();
    assertEquals("arn:aws:dynamodb:us-west-2:000000000000:table/" + t, arn);
    ddb.putItem(b -> b.tableName(arn).item(item("pk", "a")));
    assertTrue(ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))).hasItem());
  }

  @Test
  void allDataTypesRoundTrip() {
    String t = table(null);
    Map<String, AttributeValue> it =
        item(
            "pk", "a",
            "n", n("-1.50"),
            "b", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromUtf8String("hi")),
            "bool", AttributeValue.fromBool(true),
            "nul", AttributeValue.fromNul(true),
            "l", AttributeValue.fromL(java.util.List.of(s("x"), n("1"))),
            "m", AttributeValue.fromM(Map.of("k", s("v"))),
            "ss", AttributeValue.fromSs(java.util.List.of("a", "b")),
            "ns", AttributeValue.fromNs(java.util.List.of("1", "2")));
    ddb.putItem(b -> b.tableName(t).item(it));
    Map<String, AttributeValue> got = ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))).item();
    assertEquals("-1.5", got.get("n").n());
    assertEquals(it.get("m"), got.get("m"));
    assertEquals(it.get("l"), got.get("l"));
    assertEquals(it.get("b"), got.get("b"));
    assertEquals(9, got.size());
  }
}
