package com.leadhandoff.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/** Every email template rendered with the models of {@code email/template-fixtures.yaml}. */
final class RenderedEmails {
  /** One rendering: template {@code name} with its {@code index}th fixture model. */
  record Rendered(String name, int index, Email email) {
    String fileName() {
      return name + "-" + index + ".html";
    }
  }

  private RenderedEmails() {}

  /** The names of the templates beside {@link EmailTemplates}: every {@code NAME.html}. */
  static List<String> templateNames() {
    URL dir = EmailTemplates.class.getResource("templates");
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".html") && !n.startsWith("_"))
          .map(n -> n.substring(0, n.length() - ".html".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The fixture models, by template name. */
  @SuppressWarnings("unchecked")
  static Map<String, List<Map<String, Object>>> fixtures() {
    try (InputStream in =
        RenderedEmails.class.getResourceAsStream("/email/template-fixtures.yaml")) {
      Map<String, Object> file = new Yaml().load(in);
      return (Map<String, List<Map<String, Object>>>) file.get("templates");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Renders every fixture of every template that has fixtures. */
  static List<Rendered> renderAll() {
    List<Rendered> all = new ArrayList<>();
    fixtures()
        .forEach(
            (name, models) -> {
              for (int i = 0; i < models.size(); i++) {
                all.add(
                    new Rendered(
                        name, i, EmailTemplates.render(name, "x@example.com", models.get(i))));
              }
            });
    return all;
  }

  /** Writes each rendering's HTML part to {@code dir}, one file each, and returns the files. */
  static List<Path> write(List<Rendered> rendered, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    for (Rendered r : rendered) {
      files.add(Files.writeString(dir.resolve(r.fileName()), r.email().html()));
    }
    return files;
  }
}
