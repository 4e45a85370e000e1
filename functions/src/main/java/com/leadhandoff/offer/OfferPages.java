package com.leadhandoff.offer;

import com.leadhandoff.offer.OfferView.Visit;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders what an offer link shows as an HTML page with its HTTP status. The Mustache templates
 * live beside this class in {@code pages/}; every value is HTML-escaped.
 */
public final class OfferPages {
  private static final Mustache.Compiler COMPILER =
      Mustache.compiler()
          .escapeHTML(true)
          .strictSections(false)
          .defaultValue("")
          .withLoader(OfferPages::open);
  private static final Map<String, Template> CACHE = new ConcurrentHashMap<>();

  private OfferPages() {}

  /** A rendered page and the status it is served with. */
  public record Page(int status, String html) {}

  /**
   * Renders {@code view}.
   *
   * @param actionPrefix what the forms' relative URLs start with, so that they resolve to {@code
   *     /offers/{token}/accept} from the page's own URL: {@code "{token}/"} on {@code
   *     /offers/{token}}, empty on {@code /offers/{token}/decline}
   */
  public static Page render(OfferView view, String actionPrefix) {
    if (view instanceof OfferView.Open open) {
      Map<String, Object> model = new HashMap<>(OfferSummary.of(open.lead(), open.offer()));
      model.put("acceptAction", actionPrefix + "accept");
      model.put("declineAction", actionPrefix + "decline");
      model.put("maxDetails", DeclineForm.MAX_DETAILS);
      model.put(
          "choices",
          Arrays.stream(DeclineForm.Choice.values())
              .map(c -> Map.of("value", c.name(), "label", c.label()))
              .toList());
      open.problem().ifPresent(p -> model.put("problem", p));
      return page(open.problem().isPresent() ? 400 : 200, "open", model);
    }
    if (view instanceof OfferView.Expired e) {
      return page(410, "expired", OfferSummary.of(e.lead(), e.offer()));
    }
    if (view instanceof OfferView.Accepted a) {
      int status = a.visit() == Visit.OTHER_ANSWER ? 409 : 200;
      return page(status, "accepted", flagged(OfferSummary.of(a.lead(), a.offer()), a.visit()));
    }
    if (view instanceof OfferView.Declined d) {
      // Looking at a declined offer, or accepting it, is a conflict; declining it again is not.
      int status = d.visit() == Visit.ANSWERED_NOW || d.visit() == Visit.ANSWERED_AGAIN ? 200 : 409;
      Map<String, Object> model = flagged(OfferSummary.of(d.lead(), d.offer()), d.visit());
      model.put("recycled", d.recycled());
      return page(status, "declined", model);
    }
    if (view instanceof OfferView.OwnedElsewhere o) {
      return page(409, "owned-elsewhere", OfferSummary.of(o.lead(), o.offer()));
    }
    return page(404, "unknown", Map.of());
  }

  private static Map<String, Object> flagged(Map<String, Object> summary, Visit visit) {
    Map<String, Object> model = new HashMap<>(summary);
    model.put("answeredNow", visit == Visit.ANSWERED_NOW);
    model.put("answeredAgain", visit == Visit.ANSWERED_AGAIN);
    model.put("otherAnswer", visit == Visit.OTHER_ANSWER);
    return model;
  }

  private static Page page(int status, String name, Map<String, ?> model) {
    Template template = CACHE.computeIfAbsent(name, OfferPages::compile);
    return new Page(status, template.execute(model));
  }

  private static Template compile(String name) {
    try (Reader reader = open(name)) {
      return COMPILER.compile(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reader open(String name) {
    InputStream in = OfferPages.class.getResourceAsStream("pages/" + name + ".html");
    if (in == null) {
      throw new IllegalArgumentException("No offer page template pages/" + name + ".html");
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
