package com.leadhandoff.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.lead.Submission;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubmissionValidatorTest {
  private final SubmissionParser parser = new SubmissionParser();
  private final SubmissionValidator validator =
      new SubmissionValidator(RedirectOrigins.parse("https://www.example.com, http://example.com"));

  @Test
  void completeJsonLead_mapsEveryField() {
    Validation validation =
        validator.validate(
            json(
                "{\"email\":\" ana@acme.io \",\"firstName\":\"Ana\",\"lastName\":\"Ruiz\","
                    + "\"company\":\"Acme\",\"jobTitle\":\"CTO\",\"phone\":\"+49 30 1\","
                    + "\"country\":\"de\",\"companySize\":\"250\",\"industry\":\"Retail\","
                    + "\"message\":\"Hi\\nthere\",\"formId\":\"demo\",\"utm_source\":\"google\","
                    + "\"utm_medium\":\"cpc\",\"utm_campaign\":\"q4\",\"pagesViewed\":[\"/a,b\"],"
                    + "\"unknown\":{\"ignored\":true},\"redirect\":\"javascript:alert(1)\"}"),
            Optional.of(" key-1 "));

    Validation.Valid valid = assertInstanceOf(Validation.Valid.class, validation);
    assertEquals(
        new Submission(
            "ana@acme.io",
            "Ana",
            "Ruiz",
            "Acme",
            "CTO",
            "+49 30 1",
            "DE",
            250,
            "Retail",
            "Hi\nthere",
            "demo",
            "google",
            "cpc",
            "q4",
            List.of("/a,b")),
        valid.submission());
    assertEquals(Optional.empty(), valid.redirect(), "JSON callers are never redirected");
    assertEquals(Optional.of("key-1"), valid.idempotencyKey());
  }

  @Test
  void formLead_splitsPagesOnCommas_andKeepsASafeRedirect() {
    Validation.Valid valid =
        assertInstanceOf(
            Validation.Valid.class,
            validator.validate(
                form(
                    "email=ana%40acme.io&pagesViewed=%2Fa&pagesViewed=%2Fb%2C+%2Fc%2C"
                        + "&companySize=0&redirect=%2Fthanks"),
                Optional.empty()));

    assertEquals(List.of("/a", "/b", "/c"), valid.submission().pagesViewed());
    assertEquals(0, valid.submission().companySize());
    assertEquals(Optional.of("/thanks"), valid.redirect());
  }

  @Test
  void blankOptionalFields_areAbsent() {
    Validation.Valid valid =
        assertInstanceOf(
            Validation.Valid.class,
            validator.validate(
                form("email=ana%40acme.io&firstName=+&country=&companySize="), Optional.empty()));

    assertEquals(null, valid.submission().firstName());
    assertEquals(null, valid.submission().country());
    assertEquals(null, valid.submission().companySize());
  }

  @Test
  void missingEmail_isRequired() {
    assertEquals(
        List.of(new FieldError("email", "is required")), errors(form("firstName=Ana&email=++")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ana",
        "ana@",
        "@acme.io",
        "ana@acme",
        "ana@@acme.io",
        "ana@acme..io",
        "ana.@acme.io",
        "a na@acme.io",
        "ana@-acme.io",
        "ana@acme.i",
        "ana@acme.io>",
        "<ana@acme.io>"
      })
  void malformedEmail_isNotValid(String email) {
    assertEquals(
        List.of(new FieldError("email", "is not a valid email address")),
        errors(jsonOf("email", email)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ana@acme.io",
        "ana.ruiz+leads@sub.acme.co.uk",
        "o'brien@bücher.de",
        "a@xn--bcher-kva.de"
      })
  void deliverableEmail_isValid(String email) {
    assertTrue(EmailAddresses.isValid(email), email);
  }

  @Test
  void emailLongerThanAnyMailbox_isRejected() {
    String email = "a".repeat(64) + "@" + ("b".repeat(60) + ".").repeat(4) + "io";

    assertEquals(
        List.of(new FieldError("email", "must be at most 254 characters")),
        errors(jsonOf("email", email)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"XX", "Germany", "D", "DEU", "UK"})
  void unknownCountry_isRejected(String country) {
    assertEquals(
        List.of(
            new FieldError(
                "country", "must be an ISO 3166 two-letter country code such as DE or US")),
        errors(json("{\"email\":\"ana@acme.io\",\"country\":\"" + country + "\"}")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "12.5", "lots", "1e3", "1 000"})
  void companySizeThatIsNoHeadcount_isRejected(String size) {
    assertEquals(
        List.of(new FieldError("companySize", "must be a whole number of employees, 0 or more")),
        errors(json("{\"email\":\"ana@acme.io\",\"companySize\":\"" + size + "\"}")));
  }

  @Test
  void negativeCompanySizeAsJsonNumber_isRejected() {
    assertEquals(
        List.of("companySize"),
        fieldsOf(errors(json("{\"email\":\"ana@acme.io\",\"companySize\":-5}"))));
  }

  @Test
  void companySizeBeyondAnyEmployer_isRejected() {
    assertEquals(
        List.of(new FieldError("companySize", "must be at most 10000000")),
        errors(json("{\"email\":\"ana@acme.io\",\"companySize\":99999999999}")));
  }

  @Test
  void tooLongField_isRejectedWithItsLimit() {
    assertEquals(
        List.of(new FieldError("firstName", "must be at most 100 characters")),
        errors(json("{\"email\":\"ana@acme.io\",\"firstName\":\"" + "x".repeat(101) + "\"}")));
  }

  @Test
  void lineBreakInASingleLineField_isRejected_butAllowedInTheMessage() {
    assertEquals(
        List.of(new FieldError("company", "must be a single line without control characters")),
        errors(
            json(
                "{\"email\":\"ana@acme.io\",\"company\":\"Acme\\r\\nBcc: x@y.z\","
                    + "\"message\":\"line one\\nline two\"}")));
  }

  @Test
  void tooManyPages_areRejected() {
    String pages = "pagesViewed=" + "%2Fp,".repeat(SubmissionValidator.MAX_PAGES + 1);

    assertEquals(List.of("pagesViewed"), fieldsOf(errors(form("email=ana%40acme.io&" + pages))));
  }

  @Test
  void fieldGivenTwice_isRejected() {
    assertEquals(
        List.of(new FieldError("email", "must be given once, was given 2 times")),
        errors(form("email=ana%40acme.io&email=bob%40acme.io")));
  }

  @Test
  void objectWhereTextBelongs_isRejected_butOnlyForKnownFields() {
    assertEquals(
        List.of(new FieldError("company", "must be a string, not an object")),
        errors(json("{\"email\":\"ana@acme.io\",\"company\":{},\"extra\":{}}")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,hi",
        "ftp://www.example.com/thanks",
        "//evil.example/thanks",
        "/\\evil.example",
        "thanks.html",
        "https://user@evil.example/",
        "https:///no-host",
        "https://www.example.com/a b"
      })
  void unsafeRedirect_isRejected(String redirect) {
    assertEquals(List.of("redirect"), fieldsOf(errors(formWithRedirect(redirect))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"https://www.example.com/thanks?form=demo", "HTTP://example.com", "/thanks#top"})
  void httpOrPathRedirect_isKept(String redirect) {
    Validation.Valid valid =
        assertInstanceOf(
            Validation.Valid.class,
            validator.validate(formWithRedirect(redirect), Optional.empty()));

    assertEquals(Optional.of(redirect), valid.redirect());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://evil.example/phish",
        "https://www.example.com.evil.example/",
        "http://www.example.com/thanks",
        "https://www.example.com:8443/thanks",
        "https://example.com/"
      })
  void redirectToAnOriginNotAllowed_isRejected(String redirect) {
    List<FieldError> errors = errors(formWithRedirect(redirect));

    assertEquals(List.of("redirect"), fieldsOf(errors));
    assertTrue(errors.get(0).problem().contains("AllowedOrigins"), errors.toString());
  }

  @Test
  void redirectWithTheDefaultPortOrAnyCase_isOnTheSameOrigin() {
    Validation.Valid valid =
        assertInstanceOf(
            Validation.Valid.class,
            validator.validate(
                formWithRedirect("HTTPS://WWW.Example.com:443/thanks"), Optional.empty()));

    assertEquals(Optional.of("HTTPS://WWW.Example.com:443/thanks"), valid.redirect());
  }

  @Test
  void withNoOriginsConfigured_onlyPathsRedirect() {
    SubmissionValidator none = new SubmissionValidator(RedirectOrigins.parse("*"));

    assertInstanceOf(
        Validation.Invalid.class,
        none.validate(formWithRedirect("https://www.example.com/thanks"), Optional.empty()));
    assertInstanceOf(
        Validation.Valid.class, none.validate(formWithRedirect("/thanks"), Optional.empty()));
  }

  @Test
  void trappedBot_isNotRedirectedOffTheAllowedOrigins() {
    Validation validation =
        validator.validate(
            form("website=spam&redirect=https%3A%2F%2Fevil.example%2Fphish"), Optional.empty());

    assertEquals(new Validation.Trapped(Optional.empty()), validation);
  }

  @Test
  void bidiControlsAndZeroWidthCharacters_areRemovedFromDisplayFields() {
    String hidden =
        "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C"
            + "\u200B\u200C\u200D\u2060\uFEFF\u00AD";
    Validation.Valid valid =
        assertInstanceOf(
            Validation.Valid.class,
            validator.validate(
                json(
                    com.leadhandoff.json.Json.MAPPER
                        .createObjectNode()
                        .put("email", "ana@acme.io\u200B")
                        .put("firstName", "\u202EAlice\u202C" + hidden)
                        .put("lastName", "Ru\u200Biz")
                        .put("company", hidden + "Acme")
                        .put("jobTitle", "C\u2066T\u2069O")
                        .put("industry", "Re\uFEFFtail")
                        .put("message", "Hi\u202E there\nline two")
                        .put("utm_campaign", "q4\u200D")
                        .toString()),
                Optional.empty()));

    Submission submission = valid.submission();
    assertEquals("ana@acme.io", submission.email());
    assertEquals("Alice", submission.firstName());
    assertEquals("Ruiz", submission.lastName());
    assertEquals("Acme", submission.company());
    assertEquals("CTO", submission.jobTitle());
    assertEquals("Retail", submission.industry());
    assertEquals("Hi there\nline two", submission.message());
    assertEquals("q4", submission.utmCampaign());
  }

  @Test
  void fieldOfOnlyInvisibleCharacters_isEmpty() {
    Validation.Valid valid =
        assertInstanceOf(
            Validation.Valid.class,
            validator.validate(
                form("email=ana%40acme.io&company=%E2%80%AE%E2%80%8B"), Optional.empty()));

    assertEquals(null, valid.submission().company());
  }

  @ParameterizedTest
  @ValueSource(strings = {"has space", "ünïcode"})
  void unusableIdempotencyKey_isRejected(String key) {
    Validation validation = validator.validate(jsonOf("email", "ana@acme.io"), Optional.of(key));

    assertEquals(
        List.of("Idempotency-Key"),
        fieldsOf(assertInstanceOf(Validation.Invalid.class, validation).errors()));
  }

  @Test
  void everyBadField_isReportedAtOnce() {
    List<FieldError> errors =
        errors(
            form(
                "country=Narnia&companySize=-3&lastName="
                    + "x".repeat(101)
                    + "&redirect=javascript%3Aalert(1)"));

    assertEquals(
        List.of("email", "lastName", "country", "companySize", "redirect"), fieldsOf(errors));
  }

  @Test
  void filledHoneypot_isTrapped_evenWhenOtherFieldsAreBad() {
    Validation validation =
        validator.validate(
            form("email=not-an-email&website=http%3A%2F%2Fspam.example&redirect=%2Fthanks"),
            Optional.empty());

    assertEquals(new Validation.Trapped(Optional.of("/thanks")), validation);
  }

  @Test
  void emptyHoneypot_isWhatPeopleSend() {
    assertFalse(
        validator.validate(form("email=ana%40acme.io&website="), Optional.empty())
            instanceof Validation.Trapped);
  }

  private List<FieldError> errors(ParsedBody.Fields fields) {
    return assertInstanceOf(Validation.Invalid.class, validator.validate(fields, Optional.empty()))
        .errors();
  }

  private static List<String> fieldsOf(List<FieldError> errors) {
    return errors.stream().map(FieldError::field).toList();
  }

  private ParsedBody.Fields formWithRedirect(String redirect) {
    return form(
        "email=ana%40acme.io&redirect="
            + java.net.URLEncoder.encode(redirect, StandardCharsets.UTF_8));
  }

  private ParsedBody.Fields jsonOf(String field, String value) {
    return json(com.leadhandoff.json.Json.MAPPER.createObjectNode().put(field, value).toString());
  }

  private ParsedBody.Fields json(String body) {
    return (ParsedBody.Fields)
        parser.parse(new BodyFormat(BodyFormat.Kind.JSON, StandardCharsets.UTF_8), body);
  }

  private ParsedBody.Fields form(String body) {
    return (ParsedBody.Fields)
        parser.parse(new BodyFormat(BodyFormat.Kind.FORM, StandardCharsets.UTF_8), body);
  }
}
