package com.leadhandoff.outcome;

import com.leadhandoff.email.LeadSummary;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.offer.OfferPages;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders what an outcome link shows as an HTML page with its HTTP status. The Mustache templates
 * live beside this class in {@code pages/}; every value is HTML-escaped.
 */
public final class OutcomePages {
  private static final Mustache.Compiler COMPILER =
      Mustache.compiler()
          .escapeHTML(true)
          .strictSections(false)
          .defaultValue("")
          .withLoader(OutcomePages::open);
  private static final Map<String, Template> CACHE = new ConcurrentHashMap<>();

  private OutcomePages() {}

  /**
   * Renders {@code view}.
   *
   * @param action the form's relative URL, resolving to {@code /outcomes/{token}} from the page's
   *     own URL: the token itself
   */
  public static OfferPages.Page render(OutcomeView view, String action) {
    if (view instanceof OutcomeView.Open open) {
      Map<String, Object> model = summary(open.link(), open.lead());
      model.put("action", action);
      open.stage().ifPresent(s -> model.put("stage", stage(s)));
      model.put(
          "outcomes",
          Arrays.stream(Outcome.values())
              .map(
                  o ->
                      Map.of(
                          "value",
                          o.name(),
                          "label",
                          o.label(),
                          "checked",
                          open.chosen().filter(o::equals).isPresent()))
              .toList());
      model.put(
          "reasons",
          Arrays.stream(DisqualifyReason.values())
              .map(
                  r ->
                      Map.of(
                          "value",
                          r.name(),
                          "label",
                          r.label(),
                          "selected",
                          open.reason().filter(r::equals).isPresent()))
              .toList());
      model.put("note", open.note());
      model.put("maxNote", OutcomeReport.MAX_NOTE);
      open.problem().ifPresent(p -> model.put("problem", p));
      return page(open.problem().isPresent() ? 400 : 200, "open", model);
    }
    if (view instanceof OutcomeView.Done done) {
      Map<String, Object> model = summary(done.link(), done.lead());
      model.put("again", action);
      if (done.result() instanceof OutcomeResult.Recorded recorded) {
        OutcomeReport report = recorded.report();
        model.put("recorded", stage(new Stage(report.outcome(), report.reason(), report.at())));
        model.put("laterStands", !recorded.isStage());
      } else if (done.result() instanceof OutcomeResult.AlreadyRecorded already) {
        model.put("already", stage(already.stage()));
      }
      return page(200, "done", model);
    }
    if (view instanceof OutcomeView.Expired expired) {
      return page(410, "expired", Map.of("expires", LeadSummary.time(expired.link().expiresAt())));
    }
    if (view instanceof OutcomeView.Closed closed) {
      Map<String, Object> model = summary(closed.link(), closed.lead());
      model.put("status", closed.status().name());
      return page(409, "closed", model);
    }
    return page(404, "unknown", Map.of());
  }

  private static Map<String, Object> summary(OutcomeLink link, Lead lead) {
    LeadSummary summary = LeadSummary.of(lead);
    Map<String, Object> model = new HashMap<>();
    model.put("leadName", summary.name());
    Optional.ofNullable(summary.company()).ifPresent(c -> model.put("company", c));
    model.put("leadId", lead.leadId());
    model.put("ownerName", link.ownerName());
    model.put("expires", LeadSummary.time(link.expiresAt()));
    return model;
  }

  private static Map<String, Object> stage(Stage stage) {
    Map<String, Object> model = new HashMap<>();
    model.put("label", stage.outcome().label());
    stage.reason().ifPresent(r -> model.put("reason", r.label()));
    model.put("at", LeadSummary.time(stage.at()));
    return model;
  }

  private static OfferPages.Page page(int status, String name, Map<String, ?> model) {
    Template template = CACHE.computeIfAbsent(name, OutcomePages::compile);
    return new OfferPages.Page(status, template.execute(model));
  }

  private static Template compile(String name) {
    try (Reader reader = open(name)) {
      return COMPILER.compile(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reader open(String name) {
    InputStream in = OutcomePages.class.getResourceAsStream("pages/" + name + ".html");
    if (in == null) {
      throw new IllegalArgumentException("No outcome page template pages/" + name + ".html");
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
