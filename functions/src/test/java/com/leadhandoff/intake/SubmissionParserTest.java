package com.leadhandoff.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubmissionParserTest {
  private static final BodyFormat JSON =
      new BodyFormat(BodyFormat.Kind.JSON, StandardCharsets.UTF_8);
  private static final BodyFormat FORM =
      new BodyFormat(BodyFormat.Kind.FORM, StandardCharsets.UTF_8);
  private final SubmissionParser parser = new SubmissionParser();

  @Test
  void jsonObject_givesEveryScalarAsText_andArraysAsSeveralValues() {
    ParsedBody.Fields fields =
        fields(
            parser.parse(
                JSON,
                "{\"email\":\"ana@acme.io\",\"companySize\":250,\"pagesViewed\":[\"/a\",\"/b,c\"],"
                    + "\"phone\":null}"));

    assertEquals(List.of("ana@acme.io"), fields.all("email"));
    assertEquals(List.of("250"), fields.all("companySize"));
    assertEquals(List.of("/a", "/b,c"), fields.all("pagesViewed"));
    assertEquals(List.of(), fields.all("phone"));
  }

  @Test
  void jsonObjectValue_isAShapeProblemOfThatField() {
    ParsedBody.Fields fields =
        fields(parser.parse(JSON, "{\"company\":{\"name\":\"Acme\"},\"pagesViewed\":[{}]}"));

    assertEquals(Optional.of("must be a string, not an object"), fields.shapeProblem("company"));
    assertTrue(fields.shapeProblem("pagesViewed").orElseThrow().startsWith("must be a list of"));
  }

  @Test
  void malformedJson_isUnreadable_withWhereItBroke() {
    ParsedBody parsed = parser.parse(JSON, "{\"email\": \"ana@acme.io\",\n \"firstName\": }");

    String message = assertInstanceOf(ParsedBody.Unreadable.class, parsed).message();
    assertTrue(message.startsWith("The body is not valid JSON: "), message);
    assertTrue(message.contains("line 2"), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "[{\"email\":\"ana@acme.io\"}]", "\"ana@acme.io\"", "{} {}"})
  void emptyOrNonObjectOrTrailingJson_isUnreadable(String body) {
    assertInstanceOf(ParsedBody.Unreadable.class, parser.parse(JSON, body));
  }

  @Test
  void duplicateJsonKey_isUnreadable_namingTheKey() {
    ParsedBody parsed =
        parser.parse(
            JSON,
            "{\"email\":\"ana@acme.io\",\"firstName\":\"Ana\",\"email\":\"eve@evil.example\"}");

    ParsedBody.Unreadable unreadable = assertInstanceOf(ParsedBody.Unreadable.class, parsed);
    assertTrue(unreadable.message().contains("'email' more than once"), unreadable.message());
    assertEquals(List.of("email"), unreadable.errors().stream().map(FieldError::field).toList());
  }

  @Test
  void duplicateKeyInANestedObject_isUnreadableToo() {
    ParsedBody parsed = parser.parse(JSON, "{\"email\":\"ana@acme.io\",\"x\":{\"a\":1,\"a\":2}}");

    assertEquals(
        List.of("a"),
        assertInstanceOf(ParsedBody.Unreadable.class, parsed).errors().stream()
            .map(FieldError::field)
            .toList());
  }

  @Test
  void form_decodesPlusAndPercent_andKeepsRepeatedFieldsInOrder() {
    ParsedBody.Fields fields =
        fields(
            parser.parse(
                FORM,
                "email=ana%40acme.io&company=Acme+Caf%C3%A9&pagesViewed=%2Fa&pagesViewed=%2Fb%2C%2Fc"
                    + "&flag&&"));

    assertEquals(List.of("ana@acme.io"), fields.all("email"));
    assertEquals(List.of("Acme Café"), fields.all("company"));
    assertEquals(List.of("/a", "/b,/c"), fields.all("pagesViewed"));
    assertEquals(List.of(""), fields.all("flag"));
    assertEquals(BodyFormat.Kind.FORM, fields.kind());
  }

  @Test
  void brokenPercentEscape_isUnreadable() {
    ParsedBody parsed = parser.parse(FORM, "email=ana%4&company=%ZZ");

    assertTrue(
        assertInstanceOf(ParsedBody.Unreadable.class, parsed)
            .message()
            .startsWith("The body is not valid form encoding"));
  }

  @Test
  void formEscapesOfBytesThatAreNotUtf8_areUnreadable_namingTheField() {
    ParsedBody parsed = parser.parse(FORM, "email=ana%40acme.io&firstName=J%FCrgen");

    ParsedBody.Unreadable unreadable = assertInstanceOf(ParsedBody.Unreadable.class, parsed);
    assertEquals(
        List.of(new FieldError("firstName", "must be %-encoded UTF-8")), unreadable.errors());
  }

  @Test
  void formEscapes_areReadInTheBodysCharset() {
    BodyFormat latin1 = new BodyFormat(BodyFormat.Kind.FORM, StandardCharsets.ISO_8859_1);

    assertEquals(
        List.of("J\u00fcrgen"),
        fields(parser.parse(latin1, "firstName=J%FCrgen")).all("firstName"));
  }

  @Test
  void formInUtf16_readsItsEscapesAsUtf8_asBrowsersSendThem() {
    BodyFormat utf16 = new BodyFormat(BodyFormat.Kind.FORM, StandardCharsets.UTF_16);

    assertEquals(
        List.of("J\u00fcrgen"),
        fields(parser.parse(utf16, "firstName=J%C3%BCrgen")).all("firstName"));
  }

  private static ParsedBody.Fields fields(ParsedBody parsed) {
    return assertInstanceOf(ParsedBody.Fields.class, parsed);
  }
}
