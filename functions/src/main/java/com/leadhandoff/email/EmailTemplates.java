package com.leadhandoff.email;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the email templates that live beside this class ({@code templates/NAME.subject}, {@code
 * NAME.txt}, {@code NAME.html}, all Mustache). The HTML part escapes every value; the text part and
 * subject do not, since they are not HTML. Rendering happens in the function, so the local runtime
 * and AWS send the same bytes.
 */
public final class EmailTemplates {
  private static final Mustache.Compiler HTML =
      Mustache.compiler().escapeHTML(true).strictSections(false).defaultValue("");
  private static final Mustache.Compiler PLAIN = HTML.escapeHTML(false);
  private static final Map<String, Template> CACHE = new ConcurrentHashMap<>();

  private EmailTemplates() {}

  /**
   * Renders template {@code name} for {@code to}.
   *
   * @param model the values the template refers to: maps, lists, strings, numbers, records
   */
  public static Email render(String name, String to, Map<String, ?> model) {
    return new Email(
        to,
        template(name + ".subject", PLAIN).execute(model).strip(),
        template(name + ".txt", PLAIN).execute(model),
        template(name + ".html", HTML).execute(model));
  }

  private static Template template(String file, Mustache.Compiler compiler) {
    String key = file + (compiler == HTML ? "#html" : "#plain");
    return CACHE.computeIfAbsent(key, k -> compiler.compile(read(file)));
  }

  private static String read(String file) {
    try (InputStream in = EmailTemplates.class.getResourceAsStream("templates/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("No email template " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
