package com.leadhandoff.local.asl;

import static com.leadhandoff.local.asl.EngineFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The results of every intrinsic function, from the developer guide's "Intrinsic functions for
 * JSONPath states in Step Functions" (its examples, and AWS's recorded behaviour at the edges).
 */
class IntrinsicFunctionsTest {
  private final EngineFixture fixture = new EngineFixture();
  private final IntrinsicProbe probe = new IntrinsicProbe(fixture);

  @AfterEach
  void close() {
    fixture.close();
  }

  // ---- Intrinsics for arrays ----

  @Test
  void arrayPartition_chunksWithAShorterLastChunk() {
    // GIVEN the guide's input array WHEN it is partitioned by 4 THEN the last chunk holds the rest
    probe.run("States.ArrayPartition($.inputArray,4)", "{\"inputArray\":[1,2,3,4,5,6,7,8,9]}");
    assertEquals(json("[[1,2,3,4],[5,6,7,8],[9]]"), probe.value());
    assertEquals(
        List.of("ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"),
        probe.eventTypes());
  }

  @Test
  void arrayPartition_dropsTheFractionOfTheChunkSize() {
    probe.run("States.ArrayPartition($.a, 2.6)", "{\"a\":[1,2,3,4,5]}");
    assertEquals(json("[[1,2],[3,4],[5]]"), probe.value());
  }

  @Test
  void arrayContains_findsAValueByJsonEquality() {
    probe.run(
        "States.ArrayContains($.inputArray, $.lookingFor)",
        "{\"inputArray\":[1,{\"a\":[2]},3],\"lookingFor\":{\"a\":[2]}}");
    assertEquals(json("true"), probe.value());
    probe.run("States.ArrayContains($.inputArray, 5)", "{\"inputArray\":[1,2,3]}");
    assertEquals(json("false"), probe.value());
    // a literal number equals the same number read from the input
    probe.run("States.ArrayContains($.inputArray, 2)", "{\"inputArray\":[1,2.0,3]}");
    assertEquals(json("true"), probe.value());
  }

  @Test
  void arrayRange_countsFromFirstToLastByTheStep() {
    probe.run("States.ArrayRange(1, 9, 2)", "{}");
    assertEquals(json("[1,3,5,7,9]"), probe.value());
    probe.run("States.ArrayRange(5, 1, -2)", "{}");
    assertEquals(json("[5,3,1]"), probe.value());
    probe.run("States.ArrayRange(5, 1, 1)", "{}");
    assertEquals(json("[]"), probe.value());
  }

  @Test
  void arrayRange_allowsExactlyAThousandItems() {
    probe.run("States.ArrayRange(1, 1000, 1)", "{}");
    assertEquals(1000, probe.value().size());
    assertEquals(1000, probe.value().get(999).asInt());
  }

  @Test
  void arrayGetItem_returnsTheItemAtTheIndex() {
    probe.run(
        "States.ArrayGetItem($.inputArray, $.index)",
        "{\"inputArray\":[1,2,3,4,5,6,7,8,9],\"index\":5}");
    assertEquals(json("6"), probe.value());
  }

  @Test
  void arrayGetItem_ofAnEmptyArrayIsNull() {
    probe.run("States.ArrayGetItem($.a, 999)", "{\"a\":[]}");
    assertTrue(probe.value().isNull());
  }

  @Test
  void arrayLength_countsTheItems() {
    probe.run("States.ArrayLength($.inputArray)", "{\"inputArray\":[1,2,3,4,5,6,7,8,9]}");
    assertEquals(json("9"), probe.value());
  }

  @Test
  void arrayUnique_keepsTheFirstOfEachValue() {
    probe.run(
        "States.ArrayUnique($.inputArray)",
        "{\"inputArray\":[1,2,3,3,3,3,3,3,4,{\"a\":1},{\"a\":1}]}");
    assertEquals(json("[1,2,3,4,{\"a\":1}]"), probe.value());
  }

  @Test
  void array_collectsItsArgumentsInOrder() {
    probe.run("States.Array('x', $.id, States.Array(), null, true)", "{\"id\":123456}");
    assertEquals(json("[\"x\",123456,[],null,true]"), probe.value());
  }

  // ---- Intrinsics for data encoding and decoding; hash calculation ----

  @Test
  void base64_encodesAndDecodesUtf8Text() {
    probe.run("States.Base64Encode($.input)", "{\"input\":\"Data to encode\"}");
    assertEquals("RGF0YSB0byBlbmNvZGU=", probe.value().asText());
    probe.run("States.Base64Decode($.base64)", "{\"base64\":\"RGF0YSB0byBlbmNvZGU=\"}");
    assertEquals("Data to encode", probe.value().asText());
    probe.run("States.Base64Decode(States.Base64Encode('こんにちは ✓'))", "{}");
    assertEquals("こんにちは ✓", probe.value().asText());
  }

  @Test
  void base64Decode_toleratesMissingPaddingAndSurroundingSpaces() {
    probe.run("States.Base64Decode(' YWJjZA== ')", "{}");
    assertEquals("abcd", probe.value().asText());
    probe.run("States.Base64Decode('YWJj')", "{}");
    assertEquals("abc", probe.value().asText());
  }

  @Test
  void hash_computesEachSupportedAlgorithmAsLowercaseHex() {
    probe.run(
        "States.Hash($.Data, $.Algorithm)", "{\"Data\":\"Data to encode\",\"Algorithm\":\"MD5\"}");
    assertEquals("ca405671828a177e26947171bbe1e352", probe.value().asText());
    probe.run("States.Hash('hello', 'SHA-1')", "{}");
    assertEquals("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d", probe.value().asText());
    probe.run("States.Hash('hello', 'SHA-256')", "{}");
    assertEquals(
        "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", probe.value().asText());
    probe.run("States.Hash('hello', 'SHA-384')", "{}");
    assertEquals(96, probe.value().asText().length());
    probe.run("States.Hash('hello', 'SHA-512')", "{}");
    assertEquals(128, probe.value().asText().length());
  }

  @Test
  void hash_acceptsTenThousandCharacters() {
    probe.run("States.Hash($.s, 'SHA-256')", "{\"s\":\"" + "a".repeat(10_000) + "\"}");
    assertEquals(64, probe.value().asText().length());
  }

  // ---- Intrinsics for JSON data manipulation ----

  @Test
  void jsonMerge_isShallow() {
    // GIVEN the guide's two objects WHEN merged THEN the second's "a" replaces the first's whole
    probe.run(
        "States.JsonMerge($.json1, $.json2, false)",
        "{\"json1\":{\"a\":{\"a1\":1,\"a2\":2},\"b\":2},\"json2\":{\"a\":{\"a3\":1,\"a4\":2},\"c\":3}}");
    assertEquals(json("{\"a\":{\"a3\":1,\"a4\":2},\"b\":2,\"c\":3}"), probe.value());
  }

  @Test
  void stringToJson_parsesAndJsonToStringWrites() {
    probe.run(
        "States.StringToJson($.escapedJsonString)",
        "{\"escapedJsonString\":\"{\\\"foo\\\": \\\"bar\\\"}\"}");
    assertEquals(json("{\"foo\":\"bar\"}"), probe.value());
    probe.run("States.JsonToString($.unescapedJson)", "{\"unescapedJson\":{\"foo\":\"bar\"}}");
    assertEquals("{\"foo\":\"bar\"}", probe.value().asText());
  }

  @Test
  void stringToJson_ofAnEmptyOrBlankStringIsNull() {
    probe.run("States.StringToJson($.s)", "{\"s\":\"\"}");
    assertTrue(probe.value().isNull());
    probe.run("States.StringToJson($.s)", "{\"s\":\"   \"}");
    assertTrue(probe.value().isNull());
  }

  // ---- Intrinsics for Math operations ----

  @Test
  void mathAdd_roundsEachArgumentHalfUpBeforeAdding() {
    // Recorded on AWS: 1.49 + 1.5 = 3, 1.5 + 1.51 = 4, -1.49 + -1.5 = -2, -1.5 + -1.51 = -3
    probe.run("States.MathAdd($.a, $.b)", "{\"a\":1.49,\"b\":1.5}");
    assertEquals(json("3"), probe.value());
    probe.run("States.MathAdd($.a, $.b)", "{\"a\":1.5,\"b\":1.51}");
    assertEquals(json("4"), probe.value());
    probe.run("States.MathAdd($.a, $.b)", "{\"a\":-1.49,\"b\":-1.5}");
    assertEquals(json("-2"), probe.value());
    probe.run("States.MathAdd($.a, $.b)", "{\"a\":-1.5,\"b\":-1.51}");
    assertEquals(json("-3"), probe.value());
    probe.run("States.MathAdd($.value1, $.step)", "{\"value1\":111,\"step\":-1}");
    assertEquals(json("110"), probe.value());
  }

  @Test
  void mathRandom_isWithinStartInclusiveEndExclusiveAndRepeatsForASeed() {
    probe.run(
        "States.Array(States.MathRandom(1, 3), States.MathRandom($.start, $.end, 42), States.MathRandom($.start, $.end, 42))",
        "{\"start\":1,\"end\":999}");
    int unseeded = probe.value().get(0).asInt();
    assertTrue(unseeded == 1 || unseeded == 2, "got " + unseeded);
    int seeded = probe.value().get(1).asInt();
    assertTrue(seeded >= 1 && seeded < 999, "got " + seeded);
    assertEquals(seeded, probe.value().get(2).asInt());
  }

  // ---- Intrinsics for string operations, generic operation, unique identifiers ----

  @Test
  void stringSplit_splitsAtEveryDelimiterCharacterAndDropsEmptyPieces() {
    probe.run(
        "States.StringSplit($.inputString, $.splitter)",
        "{\"inputString\":\"This.is+a,test=string\",\"splitter\":\".+,=\"}");
    assertEquals(json("[\"This\",\"is\",\"a\",\"test\",\"string\"]"), probe.value());
    probe.run("States.StringSplit($.s, ',')", "{\"s\":\",a,,b,\"}");
    assertEquals(json("[\"a\",\"b\"]"), probe.value());
  }

  @Test
  void format_fillsPlaceholdersAndKeepsEscapedBraces() {
    probe.run(
        "States.Format('Hello, my name is {}. \\{ok\\} it\\'s {}', $.name, $.n)",
        "{\"name\":\"Arnav\",\"n\":3.5}");
    assertEquals("Hello, my name is Arnav. {ok} it's 3.5", probe.value().asText());
  }

  @Test
  void format_printsObjectsArraysAndNullAsJavaDoes() {
    probe.run(
        "States.Format('{} {} {} {}', $.o, $.a, $.n, $.b)",
        "{\"o\":{\"Arg1\":1,\"Arg2\":[]},\"a\":[1,\"x\",{\"k\":null}],\"n\":null,\"b\":false}");
    assertEquals("{Arg1=1, Arg2=[]} [1, x, {k=null}] null false", probe.value().asText());
  }

  @Test
  void uuid_isAVersion4Uuid() {
    probe.run("States.UUID()", "{}");
    assertTrue(
        probe
            .value()
            .asText()
            .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
        probe.value().asText());
  }

  @Test
  void intrinsics_nestAndReadTheContextObject() {
    probe.run(
        "States.Format('{}.{}', States.ArrayGetItem(States.StringSplit($.arn, ':'), 5), $$.Execution.Name)",
        "{\"arn\":\"arn:aws:lambda:us-east-1:123:function\"}");
    assertEquals("function.exec-1", probe.value().asText());
  }
}
