package com.leadhandoff.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.leadhandoff.email.RenderedEmails.Rendered;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every email template, rendered with fixture data, is a complete document that phones, Gmail and
 * Outlook lay out as meant, and passes html-validate (installed by {@code npm ci --prefix
 * tools/html-validate}, as {@code .ci/run} does).
 */
class EmailHtmlValidationTest {
  private static final Path TOOL =
      Path.of(System.getProperty("htmlValidate.dir", "../tools/html-validate"));
  private static final Pattern TITLE = Pattern.compile("<title>[^<]+</title>");
  private static final Path OUT = Path.of("target", "rendered-emails");

  @Test
  void everyTemplate_hasFixtures_andEveryFixtureATemplate() {
    // GIVEN the templates beside EmailTemplates and the fixture file
    List<String> templates = RenderedEmails.templateNames();
    // THEN each is covered, so a new template cannot skip validation
    assertEquals(templates, RenderedEmails.fixtures().keySet().stream().sorted().toList());
  }

  @Test
  void everyEmail_hasAHeadWithCharsetViewportAndItsSubjectAsTitle() {
    for (Rendered r : RenderedEmails.renderAll()) {
      String html = r.email().html();
      assertTrue(html.startsWith("<!DOCTYPE html>"), r.fileName());
      assertTrue(html.contains("<meta charset=\"utf-8\">"), r.fileName());
      assertTrue(
          html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"),
          r.fileName());
      assertTrue(TITLE.matcher(html).find(), r.fileName() + ": a non-empty <title>");
    }
  }

  @Test
  void everyEmail_putsItsStylesOnTableCells_notOnBody() {
    Pattern styledBody = Pattern.compile("<body[^>]*style=");
    for (Rendered r : RenderedEmails.renderAll()) {
      String html = r.email().html();
      assertFalse(styledBody.matcher(html).find(), r.fileName() + ": Outlook drops body styles");
      assertTrue(html.contains("<table role=\"presentation\""), r.fileName());
      assertTrue(
          html.contains("<td style=\"padding: 24px; font-family: Arial"),
          r.fileName() + ": the text style sits on the content cell");
    }
  }

  @Test
  void everyRenderedEmail_passesHtmlValidate() throws IOException, InterruptedException {
    Optional<Path> node = onPath("node");
    Path cli = TOOL.resolve("node_modules/html-validate/bin/html-validate.mjs");
    assumeTrue(
        node.isPresent() && Files.isRegularFile(cli),
        "html-validate is not installed (needs node and "
            + cli.toAbsolutePath().normalize()
            + "): run `npm ci --prefix tools/html-validate` from the repository root");
    // GIVEN every template rendered into its own file
    List<Path> files = RenderedEmails.write(RenderedEmails.renderAll(), OUT);
    List<String> command = new ArrayList<>(List.of(node.get().toString(), cli.toString()));
    command.addAll(List.of("--config", TOOL.resolve(".htmlvalidate.json").toString()));
    command.addAll(List.of("--formatter", "text"));
    files.forEach(f -> command.add(f.toString()));
    // WHEN html-validate checks them
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "html-validate did not finish");
    // THEN it reports nothing
    assertEquals(0, process.exitValue(), "html-validate found problems:\n" + output);
  }

  private static Optional<Path> onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
