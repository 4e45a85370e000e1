package com.leadhandoff.intake;

import com.leadhandoff.lead.Submission;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a parsed body is a lead: checks every field the form may send and reports every
 * bad one at once, so a developer fixes a form in one round. Fields it does not know are ignored.
 */
public final class SubmissionValidator {
  /** The honeypot: a field hidden from people with CSS, which only bots fill in. */
  public static final String HONEYPOT = "website";

  static final int MAX_PAGES = 50;
  static final int MAX_PAGE_LENGTH = 500;
  static final int MAX_COMPANY_SIZE = 10_000_000;
  static final int MAX_REDIRECT_LENGTH = 2000;
  static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private final RedirectOrigins redirectOrigins;

  /** A validator that allows no absolute redirect (callers that never redirect). */
  public SubmissionValidator() {
    this(RedirectOrigins.NONE);
  }

  /**
   * @param redirectOrigins the origins an absolute {@code redirect} may point to
   */
  public SubmissionValidator(RedirectOrigins redirectOrigins) {
    this.redirectOrigins = redirectOrigins;
  }

  /**
   * Validates {@code fields}; {@code idempotencyKey} is the header's value, validated alongside so
   * that it is reported in the same list.
   */
  public Validation validate(ParsedBody.Fields fields, Optional<String> idempotencyKey) {
    Check check = new Check(fields, redirectOrigins);
    boolean form = fields.kind() == BodyFormat.Kind.FORM;
    if (fields.all(HONEYPOT).stream().anyMatch(v -> !v.isBlank())) {
      return new Validation.Trapped(form ? check.redirect() : Optional.empty());
    }
    String email = check.email();
    Submission submission =
        new Submission(
            email,
            check.line("firstName", 100),
            check.line("lastName", 100),
            check.line("company", 200),
            check.line("jobTitle", 150),
            check.line("phone", 40),
            check.country(),
            check.companySize(),
            check.line("industry", 100),
            check.text("message", 5000),
            check.line("formId", 100),
            check.line("utm_source", 200),
            check.line("utm_medium", 200),
            check.line("utm_campaign", 200),
            check.pages(form));
    // Only a browser following a plain form post can be redirected; fetch callers read the JSON.
    Optional<String> redirect = form ? check.redirect() : Optional.empty();
    Optional<String> key = check.idempotencyKey(idempotencyKey);
    return check.errors.isEmpty()
        ? new Validation.Valid(submission, redirect, key)
        : new Validation.Invalid(check.errors);
  }

  /** Reads fields one by one, noting what is wrong with each. */
  private static final class Check {
    private final ParsedBody.Fields fields;
    private final RedirectOrigins redirectOrigins;
    private final List<FieldError> errors = new ArrayList<>();

    Check(ParsedBody.Fields fields, RedirectOrigins redirectOrigins) {
      this.fields = fields;
      this.redirectOrigins = redirectOrigins;
    }

    private void error(String field, String problem) {
      errors.add(new FieldError(field, problem));
    }

    /**
     * The field's one value, without invisible formatting characters and trimmed; empty when
     * absent, blank or wrong (error noted).
     */
    private Optional<String> single(String name) {
      Optional<String> shape = fields.shapeProblem(name);
      if (shape.isPresent()) {
        error(name, shape.get());
        return Optional.empty();
      }
      List<String> given =
          fields.all(name).stream()
              .map(InvisibleCharacters::remove)
              .map(String::trim)
              .filter(v -> !v.isEmpty())
              .toList();
      if (given.size() > 1) {
        error(name, "must be given once, was given " + given.size() + " times");
        return Optional.empty();
      }
      return given.stream().findFirst();
    }

    /** A one-line text field of at most {@code max} characters, or null. */
    String line(String name, int max) {
      return bounded(name, max, false).orElse(null);
    }

    /** A free-text field that may span lines, or null. */
    String text(String name, int max) {
      return bounded(name, max, true).orElse(null);
    }

    private Optional<String> bounded(String name, int max, boolean multiline) {
      Optional<String> value = single(name);
      if (value.isEmpty()) {
        return value;
      }
      String v = value.get();
      if (v.codePointCount(0, v.length()) > max) {
        error(name, "must be at most " + max + " characters");
        return Optional.empty();
      }
      // Line breaks in a name or subject line would end up in email headers and templates.
      if (v.chars().anyMatch(c -> Character.isISOControl(c) && !(multiline && isLineSpace(c)))) {
        error(
            name,
            multiline
                ? "must not contain control characters"
                : "must be a single line without control characters");
        return Optional.empty();
      }
      return value;
    }

    private static boolean isLineSpace(int c) {
      return c == '\n' || c == '\r' || c == '\t';
    }

    String email() {
      Optional<String> email = bounded("email", EmailAddresses.MAX_LENGTH, false);
      if (email.isEmpty()) {
        if (errors.stream().noneMatch(e -> e.field().equals("email"))) {
          error("email", "is required");
        }
        return null;
      }
      if (!EmailAddresses.isValid(email.get())) {
        error("email", "is not a valid email address");
        return null;
      }
      return email.get();
    }

    String country() {
      Optional<String> country = single("country").map(c -> c.toUpperCase(Locale.ROOT));
      if (country.isPresent() && !COUNTRIES.contains(country.get())) {
        error("country", "must be an ISO 3166 two-letter country code such as DE or US");
        return null;
      }
      return country.orElse(null);
    }

    Integer companySize() {
      Optional<String> size = single("companySize");
      if (size.isEmpty()) {
        return null;
      }
      String digits = size.get();
      if (!digits.matches("[0-9]+")) {
        error("companySize", "must be a whole number of employees, 0 or more");
        return null;
      }
      String significant = digits.replaceFirst("^0+(?=.)", "");
      if (significant.length() > 9 || Integer.parseInt(significant) > MAX_COMPANY_SIZE) {
        error("companySize", "must be at most " + MAX_COMPANY_SIZE);
        return null;
      }
      return Integer.parseInt(significant);
    }

    /** In a form, a list is repeated fields, comma-separated values, or both. */
    List<String> pages(boolean form) {
      String name = "pagesViewed";
      Optional<String> shape = fields.shapeProblem(name);
      if (shape.isPresent()) {
        error(name, shape.get());
        return List.of();
      }
      List<String> pages =
          fields.all(name).stream()
              .flatMap(v -> form ? Arrays.stream(v.split(",")) : java.util.stream.Stream.of(v))
              .map(InvisibleCharacters::remove)
              .map(String::trim)
              .filter(v -> !v.isEmpty())
              .toList();
      if (pages.size() > MAX_PAGES) {
        error(name, "must list at most " + MAX_PAGES + " pages");
        return List.of();
      }
      if (pages.stream().anyMatch(p -> p.length() > MAX_PAGE_LENGTH)) {
        error(name, "must have pages of at most " + MAX_PAGE_LENGTH + " characters each");
        return List.of();
      }
      if (pages.stream().anyMatch(p -> p.chars().anyMatch(Character::isISOControl))) {
        error(name, "must not contain control characters");
        return List.of();
      }
      return pages;
    }

    Optional<String> redirect() {
      Optional<String> redirect = single("redirect");
      if (redirect.isPresent() && !isSafeRedirect(redirect.get())) {
        error(
            "redirect",
            "must be an absolute http(s) URL or a path starting with / (at most "
                + MAX_REDIRECT_LENGTH
                + " characters)");
        return Optional.empty();
      }
      // Only origins whose forms post leads: anything else would be an open redirect.
      if (redirect.isPresent()
          && isAbsolute(redirect.get())
          && !redirectOrigins.allows(URI.create(redirect.get()))) {
        error(
            "redirect",
            "must be a path on this site or a URL on an allowed origin (AllowedOrigins: "
                + redirectOrigins.describe()
                + ")");
        return Optional.empty();
      }
      return redirect;
    }

    Optional<String> idempotencyKey(Optional<String> header) {
      Optional<String> key = header.map(String::trim).filter(k -> !k.isEmpty());
      if (key.isPresent()
          && (key.get().length() > MAX_IDEMPOTENCY_KEY_LENGTH
              || !key.get().chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
        error(
            "Idempotency-Key",
            "must be 1 to "
                + MAX_IDEMPOTENCY_KEY_LENGTH
                + " visible ASCII characters, e.g. a UUID the page made for this submission");
        return Optional.empty();
      }
      return key;
    }
  }

  /**
   * An absolute http(s) URL with a host, or a path on this site. Anything else ({@code
   * javascript:}, {@code data:}, a protocol-relative {@code //host}) could run script or leave
   * unexpectedly when put in a {@code Location} header.
   */
  static boolean isSafeRedirect(String target) {
    if (target.length() > MAX_REDIRECT_LENGTH || target.contains("\\")) {
      return false;
    }
    URI uri;
    try {
      uri = new URI(target);
    } catch (URISyntaxException e) {
      return false;
    }
    if (uri.isAbsolute()) {
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && uri.getRawUserInfo() == null;
    }
    return target.startsWith("/") && !target.startsWith("//");
  }

  /** Whether {@code safeTarget}, which passed {@link #isSafeRedirect}, names its own origin. */
  private static boolean isAbsolute(String safeTarget) {
    return URI.create(safeTarget).isAbsolute();
  }

  static String describe(List<FieldError> errors) {
    return errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
  }
}
