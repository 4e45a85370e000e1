package com.leadhandoff.local.ui;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the UI's pages: Mustache templates beside this class, each inside {@code layout.html}.
 * Every {@code {{value}}} is HTML-escaped, so a page cannot be broken or scripted by what a lead or
 * an email contains.
 */
final class Pages {
  private static final Mustache.Compiler COMPILER =
      Mustache.compiler()
          .escapeHTML(true)
          .defaultValue("")
          .emptyStringIsFalse(true)
          // {{> name}} includes name.html (the countdown script of the pages with deadlines).
          .withLoader(name -> new StringReader(read(name + ".html")));
  private static final Map<String, Template> CACHE = new ConcurrentHashMap<>();

  private final String base;
  private final Optional<ClockPanel> clock;

  /**
   * @param base the path the UI is mounted at, e.g. {@code /_local}
   */
  Pages(String base) {
    this(base, Optional.empty());
  }

  /**
   * @param base the path the UI is mounted at, e.g. {@code /_local}
   * @param clock the runtime clock, shown with its controls at the top of every page
   */
  Pages(String base, Optional<ClockPanel> clock) {
    this.base = base;
    this.clock = clock;
  }

  /** The page {@code name}.html with {@code model}, titled {@code title}, inside the layout. */
  String render(String name, String title, Map<String, ?> model) {
    Map<String, Object> context = new HashMap<>(model);
    context.put("base", base);
    String body = template(name).execute(context);
    Map<String, Object> layout = new HashMap<>(Map.of("base", base, "title", title, "body", body));
    clock.ifPresent(c -> layout.put("clock", c.bar()));
    return template("layout").execute(layout);
  }

  private static Template template(String name) {
    return CACHE.computeIfAbsent(name, n -> COMPILER.compile(read(n + ".html")));
  }

  private static String read(String file) {
    try (InputStream in = Pages.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("No UI template " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
