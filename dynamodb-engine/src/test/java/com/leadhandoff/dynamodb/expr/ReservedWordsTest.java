package com.leadhandoff.dynamodb.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The reserved word list: Developer Guide, "Reserved words in DynamoDB". */
class ReservedWordsTest {
  @Test
  void listIsCompleteAndCaseInsensitive() {
    assertEquals(573, ReservedWords.all().size());
    assertTrue(ReservedWords.isReserved("ABORT"));
    assertTrue(ReservedWords.isReserved("zone"));
    assertTrue(ReservedWords.isReserved("Status"));
    assertTrue(ReservedWords.isReserved("flattern"));
  }

  @Test
  void ordinaryNamesAndFunctionNamesAreNotReserved() {
    assertFalse(ReservedWords.isReserved("pk"));
    assertFalse(ReservedWords.isReserved("remove"));
    assertFalse(ReservedWords.isReserved("begins_with"));
    assertFalse(ReservedWords.isReserved("attribute_exists"));
  }
}
