package com.leadhandoff.dynamodb.expr;

import static com.leadhandoff.dynamodb.expr.Fixtures.assertValidation;
import static com.leadhandoff.dynamodb.expr.Fixtures.attrs;
import static com.leadhandoff.dynamodb.expr.Fixtures.b;
import static com.leadhandoff.dynamodb.expr.Fixtures.bs;
import static com.leadhandoff.dynamodb.expr.Fixtures.item;
import static com.leadhandoff.dynamodb.expr.Fixtures.l;
import static com.leadhandoff.dynamodb.expr.Fixtures.m;
import static com.leadhandoff.dynamodb.expr.Fixtures.n;
import static com.leadhandoff.dynamodb.expr.Fixtures.ns;
import static com.leadhandoff.dynamodb.expr.Fixtures.path;
import static com.leadhandoff.dynamodb.expr.Fixtures.s;
import static com.leadhandoff.dynamodb.expr.Fixtures.ss;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import com.leadhandoff.dynamodb.model.AttributeValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Update expressions: Developer Guide, "Using update expressions in DynamoDB" (SET with +, -,
 * if_not_exists and list_append; REMOVE; ADD; DELETE) and its error cases.
 */
class UpdateExpressionTest {
  private static Map<String, AttributeValue> apply(
      String text, Map<String, AttributeValue> item, Object... kv) {
    return Expressions.update(text, attrs(kv)).apply(item);
  }

  @Test
  void setTopLevelAttributesLeavingOthers() {
    Map<String, AttributeValue> out =
        apply(
            "SET a = :a, #b = :b",
            item("pk", s("k"), "a", n("1")),
            "#b",
            "b",
            ":a",
            n("2"),
            ":b",
            s("x"));
    assertEquals(item("pk", s("k"), "a", n("2"), "b", s("x")), out);
  }

  @Test
  void applyDoesNotMutateTheInputItem() {
    Map<String, AttributeValue> before = new HashMap<>(item("a", m("b", n("1"))));
    Map<String, AttributeValue> copy = new HashMap<>(before);
    Map<String, AttributeValue> out = apply("SET a.b = :v REMOVE c", before, ":v", n("2"));
    assertEquals(copy, before);
    assertNotSame(before, out);
  }

  @Test
  void setOnAnAbsentItemCreatesAttributes() {
    assertEquals(item("a", n("1")), apply("SET a = :v", Map.of(), ":v", n("1")));
  }

  @Test
  void setNestedMapKeyAndListElement() {
    Map<String, AttributeValue> item = item("a", m("b", l(n("0"), n("1"))));
    assertEquals(
        item("a", m("b", l(n("0"), n("9")), "c", s("new"))),
        apply("SET a.b[1] = :n, a.c = :s", item, ":n", n("9"), ":s", s("new")));
  }

  @Test
  void setBeyondTheEndOfAListAppends() {
    Map<String, AttributeValue> item = item("l", l(n("0")));
    assertEquals(item("l", l(n("0"), n("5"))), apply("SET l[10] = :v", item, ":v", n("5")));
  }

  @Test
  void setUnderAMissingParentIsInvalid() {
    assertValidation(
        "The document path provided in the update expression is invalid for update",
        () -> apply("SET a.b = :v", item(), ":v", n("1")));
    assertValidation(
        "The document path provided in the update expression is invalid for update",
        () -> apply("SET a.b.c = :v", item("a", m()), ":v", n("1")));
  }

  @Test
  void setThroughAValueOfTheWrongTypeIsInvalid() {
    assertValidation(
        "The document path provided in the update expression is invalid for update",
        () -> apply("SET a.b = :v", item("a", l()), ":v", n("1")));
    assertValidation(
        "The document path provided in the update expression is invalid for update",
        () -> apply("SET a[0] = :v", item("a", m()), ":v", n("1")));
  }

  @Test
  void setCopiesAnotherAttribute() {
    assertEquals(
        item("a", m("x", n("1")), "b", m("x", n("1"))),
        apply("SET b = a", item("a", m("x", n("1")))));
  }

  @Test
  void setFromAMissingAttributeIsRefused() {
    assertValidation(
        "The provided expression refers to an attribute that does not exist in the item",
        () -> apply("SET b = a", item()));
  }

  @Test
  void arithmeticAddsAndSubtracts() {
    Map<String, AttributeValue> item = item("price", n("10.5"), "qty", n("3"));
    assertEquals(
        item("price", n("8"), "qty", n("13.5")),
        apply("SET price = price - :d, qty = qty + price", item, ":d", n("2.5")));
  }

  @Test
  void rightHandSidesReadTheItemBeforeTheUpdate() {
    Map<String, AttributeValue> item = item("a", n("1"), "b", n("2"));
    assertEquals(item("a", n("2"), "b", n("1")), apply("SET a = b, b = a", item));
  }

  @Test
  void arithmeticOnNonNumbersIsRefused() {
    assertValidation(
        "An operand in the update expression has an incorrect data type",
        () -> apply("SET a = a + :v", item("a", s("x")), ":v", n("1")));
    assertValidation(
        "An operand in the update expression has an incorrect data type",
        () -> apply("SET a = :v - a", item("a", l()), ":v", n("1")));
  }

  @Test
  void arithmeticOnLiteralNonNumbersIsRefusedAtParse() {
    assertValidation(
        "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or"
            + " function: -, operand type: SS",
        () -> Expressions.update("SET a = :v - :w", attrs(":v", n("1"), ":w", ss("x"))));
    assertValidation(
        "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or"
            + " function: +, operand type: S",
        () -> Expressions.update("SET a = :w + b", attrs(":w", s("dog"))));
  }

  @Test
  void onlyTwoOperandsMayBeAdded() {
    assertValidation(
        "Invalid UpdateExpression: Syntax error; token: \"+\", near: \":v + :v\"",
        () -> Expressions.update("SET a = :v + :v + :v", attrs(":v", n("1"))));
  }

  @Test
  void arithmeticOnAMissingAttributeIsRefused() {
    assertValidation(
        "The provided expression refers to an attribute that does not exist in the item",
        () -> apply("SET a = a + :v", item(), ":v", n("1")));
  }

  @Test
  void arithmeticResultIsCheckedAgainstNumberLimits() {
    assertValidation(
        "Number overflow. Attempting to store a number with magnitude larger than supported range",
        () -> apply("SET a = a + :v", item("a", n("9E+125")), ":v", n("9E+125")));
  }

  @Test
  void ifNotExistsKeepsAnExistingValue() {
    assertEquals(
        item("a", n("1")), apply("SET a = if_not_exists(a, :v)", item("a", n("1")), ":v", n("0")));
    assertEquals(item("a", n("0")), apply("SET a = if_not_exists(a, :v)", item(), ":v", n("0")));
  }

  @Test
  void ifNotExistsInsideArithmeticMakesACounter() {
    String text = "SET c = if_not_exists(c, :zero) + :one";
    assertEquals(item("c", n("1")), apply(text, item(), ":zero", n("0"), ":one", n("1")));
    assertEquals(
        item("c", n("6")), apply(text, item("c", n("5")), ":zero", n("0"), ":one", n("1")));
  }

  @Test
  void ifNotExistsNeedsAPathFirst() {
    assertValidation(
        "Invalid UpdateExpression: Operator or function requires a document path; operator or"
            + " function: if_not_exists",
        () -> apply("SET a = if_not_exists(:v, :v)", item(), ":v", n("0")));
  }

  @Test
  void listAppendJoinsListsEitherWay() {
    Map<String, AttributeValue> item = item("l", l(n("1")));
    assertEquals(
        item("l", l(n("1"), n("2"))), apply("SET l = list_append(l, :v)", item, ":v", l(n("2"))));
    assertEquals(
        item("l", l(n("2"), n("1"))), apply("SET l = list_append(:v, l)", item, ":v", l(n("2"))));
  }

  @Test
  void listAppendWithIfNotExistsOnAMissingList() {
    assertEquals(
        item("l", l(n("2"))),
        apply(
            "SET l = list_append(if_not_exists(l, :empty), :v)",
            item(),
            ":empty",
            l(),
            ":v",
            l(n("2"))));
  }

  @Test
  void listAppendOfANonListIsRefused() {
    assertValidation(
        "An operand in the update expression has an incorrect data type",
        () -> apply("SET l = list_append(l, :v)", item("l", s("x")), ":v", l()));
    assertValidation(
        "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or"
            + " function: list_append, operand type: N",
        () -> Expressions.update("SET l = list_append(l, :v)", attrs(":v", n("2"))));
  }

  @Test
  void listAppendCannotNestListAppend() {
    assertValidation(
        "Invalid UpdateExpression: The function is not allowed to be used this way in an"
            + " expression; function: list_append",
        () ->
            Expressions.update(
                "SET a = list_append(list_append(:v, :v), :v)", attrs(":v", l(n("1")))));
  }

  @Test
  void functionNamesAreCaseSensitive() {
    assertValidation(
        "Invalid UpdateExpression: Invalid function name; function: LIST_APPEND",
        () -> Expressions.update("SET a = LIST_APPEND(:v, :v)", attrs(":v", l())));
  }

  @Test
  void namesCannotStartWithAnUnderscoreOrDigit() {
    assertValidation(
        "Invalid UpdateExpression: Syntax error; token: \"_\", near: \"SET _abc\"",
        () -> Expressions.update("SET _abc = :v", attrs(":v", n("1"))));
    assertValidation(
        "Invalid UpdateExpression: Syntax error; token: \"123\", near: \"SET 123 =\"",
        () -> Expressions.update("SET 123 = :v", attrs(":v", n("1"))));
  }

  @Test
  void placeholdersMayStartWithDigitsOrUnderscores() {
    assertEquals(item("x.y", n("1")), apply("SET #1 = :_", item(), "#1", "x.y", ":_", n("1")));
  }

  @Test
  void severalSetsPastTheEndAppendInElementNumberOrder() {
    Map<String, AttributeValue> item = item("a", l(s("one")));
    assertEquals(
        item("a", l(s("one"), s("a3"), s("a2"), s("a4"), s("a1"))),
        apply(
            "SET a[84] = :v1, a[37] = :v2, a[17] = :v3, a[50] = :v4",
            item,
            ":v1",
            s("a1"),
            ":v2",
            s("a2"),
            ":v3",
            s("a3"),
            ":v4",
            s("a4")));
  }

  @Test
  void removeAndSetInOneListUseTheOriginalIndexes() {
    Map<String, AttributeValue> item = item("a", l(n("2"), n("3"), n("4"), n("5"), n("6"), n("7")));
    Map<String, AttributeValue> want = item("a", l(n("2"), n("4"), n("17"), n("6"), n("7")));
    assertEquals(want, apply("REMOVE a[1] SET a[3] = :v", item, ":v", n("17")));
    assertEquals(want, apply("SET a[3] = :v REMOVE a[1]", item, ":v", n("17")));
  }

  @Test
  void removeUnderAMissingOrWrongTypedParentIsInvalid() {
    Map<String, AttributeValue> item = item("a", s("hello"), "b", l(s("hi")));
    for (String text : new String[] {"REMOVE a.c", "REMOVE b.c", "REMOVE c.c", "REMOVE a[0]"}) {
      assertValidation(
          "The document path provided in the update expression is invalid for update",
          () -> apply(text, item));
    }
  }

  @Test
  void removeOfANestedPathOnAnAbsentItemDoesNothing() {
    assertEquals(item(), apply("REMOVE x.y, z[0]", item()));
  }

  @Test
  void removingTheLastMemberLeavesAnEmptyMapOrList() {
    assertEquals(
        item("a", m(), "b", l()),
        apply("REMOVE a.k, b[0]", item("a", m("k", n("1")), "b", l(n("1")))));
  }

  @Test
  void removeTopLevelNestedAndAbsentAttributes() {
    Map<String, AttributeValue> item = item("a", n("1"), "m", m("x", n("1"), "y", n("2")));
    assertEquals(item("m", m("y", n("2"))), apply("REMOVE a, m.x, gone, m.z", item));
  }

  @Test
  void removeListElementsCompactsTheListUsingOriginalIndexes() {
    Map<String, AttributeValue> item = item("l", l(s("a"), s("b"), s("c"), s("d")));
    assertEquals(item("l", l(s("a"), s("c"))), apply("REMOVE l[1], l[3]", item));
    assertEquals(item("l", l(s("a"), s("c"))), apply("REMOVE l[3], l[1]", item));
    assertEquals(item("l", l(s("a"), s("b"), s("c"), s("d"))), apply("REMOVE l[7]", item));
  }

  @Test
  void addToANumberAndCreateAMissingNumber() {
    assertEquals(item("c", n("5.5")), apply("ADD c :v", item("c", n("3")), ":v", n("2.5")));
    assertEquals(item("c", n("-1")), apply("ADD c :v", item(), ":v", n("-1")));
  }

  @Test
  void addToSetsIsUnion() {
    assertEquals(
        item("t", ss("a", "b", "c")),
        apply("ADD t :v", item("t", ss("a", "b")), ":v", ss("b", "c")));
    assertEquals(
        item("t", ns("1", "2")), apply("ADD t :v", item("t", ns("1")), ":v", ns("2", "1")));
    assertEquals(item("t", bs(b(1), b(2))), apply("ADD t :v", item("t", bs(b(1))), ":v", bs(b(2))));
    assertEquals(item("t", ss("x")), apply("ADD t :v", item(), ":v", ss("x")));
  }

  @Test
  void addOfMismatchedTypesIsRefusedAtEvaluation() {
    assertValidation(
        "An operand in the update expression has an incorrect data type",
        () -> apply("ADD t :v", item("t", ss("a")), ":v", ns("1")));
    assertValidation(
        "An operand in the update expression has an incorrect data type",
        () -> apply("ADD t :v", item("t", s("a")), ":v", n("1")));
  }

  @Test
  void addOperandMustBeANumberOrSet() {
    assertValidation(
        "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD,"
            + " operand type: STRING",
        () -> Expressions.update("ADD a :v", attrs(":v", s("x"))));
    assertValidation(
        "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD,"
            + " operand type: LIST",
        () -> Expressions.update("ADD a :v", attrs(":v", l())));
  }

  @Test
  void deleteIsSetDifferenceAndRemovesAnEmptiedSet() {
    assertEquals(
        item("t", ss("a")), apply("DELETE t :v", item("t", ss("a", "b")), ":v", ss("b", "z")));
    assertEquals(item(), apply("DELETE t :v", item("t", ns("1")), ":v", ns("1")));
    assertEquals(item(), apply("DELETE t :v", item(), ":v", ns("1")));
  }

  @Test
  void deleteOperandMustBeASet() {
    assertValidation(
        "Invalid UpdateExpression: Incorrect operand type for operator or function; operator:"
            + " DELETE, operand type: NUMBER",
        () -> Expressions.update("DELETE a :v", attrs(":v", n("1"))));
  }

  @Test
  void deleteFromAMismatchedTypeIsRefused() {
    assertValidation(
        "An operand in the update expression has an incorrect data type",
        () -> apply("DELETE t :v", item("t", ss("1")), ":v", ns("1")));
  }

  @Test
  void allFourClausesTogetherInAnyOrder() {
    Map<String, AttributeValue> item =
        item("a", n("1"), "b", n("2"), "c", n("3"), "d", ss("x", "y"));
    Map<String, AttributeValue> out =
        apply(
            "delete d :d add c :one remove b set a = :v",
            item,
            ":d",
            ss("x"),
            ":one",
            n("1"),
            ":v",
            s("new"));
    assertEquals(item("a", s("new"), "c", n("4"), "d", ss("y")), out);
  }

  @Test
  void eachClauseAtMostOnce() {
    assertValidation(
        "Invalid UpdateExpression: The \"SET\" section can only be used once in an update"
            + " expression;",
        () -> Expressions.update("SET a = :v SET b = :v", attrs(":v", n("1"))));
    assertValidation(
        "Invalid UpdateExpression: The \"REMOVE\" section can only be used once in an update"
            + " expression;",
        () -> Expressions.update("REMOVE a remove b", attrs()));
  }

  @Test
  void overlappingPathsAreRefused() {
    assertValidation(
        "Invalid UpdateExpression: Two document paths overlap with each other; must remove or"
            + " rewrite one of these paths; path one: [a], path two: [a, b]",
        () -> Expressions.update("SET a = :v REMOVE a.b", attrs(":v", n("1"))));
    assertValidation(
        "Invalid UpdateExpression: Two document paths overlap with each other; must remove or"
            + " rewrite one of these paths; path one: [a], path two: [a]",
        () -> Expressions.update("SET a = :v, a = :v", attrs(":v", n("1"))));
  }

  @Test
  void conflictingPathsAreRefused() {
    assertValidation(
        "Invalid UpdateExpression: Two document paths conflict with each other; must remove or"
            + " rewrite one of these paths; path one: [a, b], path two: [a, [0]]",
        () -> Expressions.update("SET a.b = :v, a[0] = :v", attrs(":v", n("1"))));
  }

  @Test
  void siblingPathsDoNotOverlap() {
    assertEquals(
        item("a", m("b", n("1"), "c", n("1"))),
        apply("SET a.b = :v, a.c = :v", item("a", m()), ":v", n("1")));
  }

  @Test
  void syntaxErrors() {
    assertValidation(
        "Invalid UpdateExpression: Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"",
        () -> Expressions.update("INVALID SYNTAX HERE", attrs()));
    assertValidation(
        "Invalid UpdateExpression: Syntax error; token: \":\", near: \"hits : incr\"",
        () -> Expressions.update("ADD hits : incr", attrs()));
    assertValidation(
        "Invalid UpdateExpression: Syntax error; token: <EOF>, near: \"SET\"",
        () -> Expressions.update("SET", attrs()));
    assertValidation(
        "Invalid UpdateExpression: The expression can not be empty;",
        () -> Expressions.update(" ", attrs()));
  }

  @Test
  void conditionFunctionsAreNotUpdateOperands() {
    assertValidation(
        "Invalid UpdateExpression: The function is not allowed in an update expression;"
            + " function: size",
        () -> Expressions.update("SET a = size(b)", attrs()));
    assertValidation(
        "Invalid UpdateExpression: Invalid function name; function: nope",
        () -> Expressions.update("SET a = nope(b)", attrs()));
  }

  @Test
  void reservedWordsAndUndefinedPlaceholders() {
    assertValidation(
        "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: count",
        () -> Expressions.update("ADD count :v", attrs(":v", n("1"))));
    assertValidation(
        "Invalid UpdateExpression: An expression attribute value used in expression is not"
            + " defined; attribute value: :v",
        () -> Expressions.update("SET a = :v", attrs()));
  }

  @Test
  void pathsListsEveryActionPath() {
    Expressions.Update u =
        Expressions.update("REMOVE r[2] SET a.b = :v, c = :v ADD n :v", attrs(":v", n("1")));
    assertEquals(List.of(path("a", "b"), path("c"), path("r", 2), path("n")), u.paths());
    assertEquals(u.paths(), u.updatedNewPaths());
  }

  @Test
  void updatedOldAndNewProjectThroughPaths() {
    Map<String, AttributeValue> old = item("pk", s("k"), "a", m("b", n("1"), "x", n("0")));
    Expressions.Update u = Expressions.update("SET a.b = :v", attrs(":v", n("2")));
    Map<String, AttributeValue> now = u.apply(old);
    assertEquals(item("a", m("b", n("1"))), Path.project(old, u.paths()));
    assertEquals(item("a", m("b", n("2"))), Path.project(now, u.updatedNewPaths()));
    assertFalse(Path.project(now, u.paths()).containsKey("pk"));
  }

  @Test
  void updateErrorsAreReportedInDynamoDbOrder() {
    assertValidation(
        "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: size",
        () -> Expressions.update("SET #s = :x, a = f(b, c, d), size = :y", attrs("#s", "s")));
    assertValidation(
        "Invalid UpdateExpression: Invalid function name; function: f",
        () -> Expressions.update("SET #s = :x, a = f(b, c, d) SET b = :y", attrs("#s", "s")));
    assertValidation(
        "Invalid UpdateExpression: The \"SET\" section can only be used once in an update"
            + " expression;",
        () -> Expressions.update("SET a = :x SET #b = :y", attrs()));
    assertValidation(
        "Invalid UpdateExpression: An expression attribute name used in the document path is not"
            + " defined; attribute name: #b",
        () -> Expressions.update("SET a = :x, #b = :y", attrs()));
    assertValidation(
        "Invalid UpdateExpression: Two document paths overlap with each other; must remove or"
            + " rewrite one of these paths; path one: [a], path two: [a]",
        () -> Expressions.update("SET a = :v ADD a :s", attrs(":v", n("1"), ":s", s("x"))));
    assertValidation(
        "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD,"
            + " operand type: STRING",
        () -> Expressions.update("SET a = list_append(:s) ADD b :s", attrs(":s", s("x"))));
  }

  @Test
  void setValuesAndOperandsMayBeParenthesised() {
    Map<String, AttributeValue> item = item("a", n("1"), "b", n("2"));
    assertEquals(
        item("a", n("3"), "b", n("2"), "c", n("3"), "d", n("2")),
        apply("SET a = (a + b), c = (a) + (b), d = (b)", item));
  }
}
