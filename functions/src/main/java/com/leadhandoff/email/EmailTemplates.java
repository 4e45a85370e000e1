package com.leadhandoff.email;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the email templates that live beside this class ({@code templates/NAME.subject}, {@code
 * NAME.txt}, {@code NAME.html}, all Mustache, sharing partials {@code _NAME.txt} and {@code
 * _NAME.html}). The HTML part escapes every value; the text part and subject do not, since they are
 * not HTML. Rendering happens in the function, so the local runtime and AWS send the same bytes.
 *
 * <p>{@code NAME.html} holds only what the email says; {@code _layout.html} wraps it in the one
 * document every email shares: a {@code <head>} with the charset and a viewport (without one a
 * phone lays the email out 980 px wide), and a centred table layout with its styles inline on the
 * cells, because Outlook's Word engine ignores styles on {@code <body>} and {@code max-width} on
 * blocks.
 */
public final class EmailTemplates {
  // A partial {{> lead}} is templates/_lead.html in an HTML part and templates/_lead.txt in a
  // text part, so the lead's details read the same in every email that shows them.
  private static final Mustache.Compiler HTML =
      Mustache.compiler()
          .escapeHTML(true)
          .strictSections(false)
          .defaultValue("")
          .withLoader(name -> new StringReader(read("_" + name + ".html")));
  private static final Mustache.Compiler PLAIN =
      HTML.escapeHTML(false).withLoader(name -> new StringReader(read("_" + name + ".txt")));
  private static final Map<String, Template> CACHE = new ConcurrentHashMap<>();

  /**
   * Stands for the unsubscribe link in a prospect's email until {@code UnsubscribeMailer} issues
   * the link at send time (a reserved {@code .invalid} name, RFC 2606, so it can never resolve).
   */
  public static final String UNSUBSCRIBE_PLACEHOLDER = "https://unsubscribe.invalid/link";

  private EmailTemplates() {}

  /**
   * Renders template {@code name} for {@code to}.
   *
   * @param model the values the template refers to: maps, lists, strings, numbers, records
   */
  public static Email render(String name, String to, Map<String, ?> model) {
    return render(name, to, model, Map.of());
  }

  /**
   * Renders template {@code name} for the prospect of lead {@code leadId}: the email ends with an
   * unsubscribe link ({@link #UNSUBSCRIBE_PLACEHOLDER} until it is sent) and is marked for them.
   */
  public static Email renderToProspect(
      String name, String to, Map<String, ?> model, String leadId, Email.Kind kind) {
    Email email = render(name, to, model, Map.of("unsubscribe", UNSUBSCRIBE_PLACEHOLDER));
    return new Email(
            to,
            email.subject(),
            email.text()
                + "\n--\nTo get no more emails like this: "
                + UNSUBSCRIBE_PLACEHOLDER
                + "\n",
            email.html())
        .toProspect(leadId, kind);
  }

  private static Email render(
      String name, String to, Map<String, ?> model, Map<String, String> layout) {
    String subject = template(name + ".subject", PLAIN).execute(model).strip();
    Map<String, Object> shell = new HashMap<>(layout);
    shell.put("subject", subject);
    shell.put("content", template(name + ".html", HTML).execute(model));
    return new Email(
        to,
        subject,
        template(name + ".txt", PLAIN).execute(model),
        template("_layout.html", HTML).execute(shell));
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
