package com.leadhandoff.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build step that compiles each bundled config file into its snapshot ({@link
 * ConfigSnapshots}); functions/pom.xml runs it after the classes and config/ are in place:
 *
 * <pre>java -cp CLASSPATH com.leadhandoff.config.ConfigCompiler target/classes</pre>
 *
 * A file that is not valid YAML fails the build with the file, the line and the reason.
 */
public final class ConfigCompiler {
  private ConfigCompiler() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ConfigCompiler CLASSES_DIR");
      System.exit(2);
    }
    Path classes = Path.of(args[0]);
    Path config = classes.resolve(ConfigSnapshots.BUNDLED_DIR);
    if (!Files.isDirectory(config)) {
      return; // an install that ships no config: the functions use their defaults
    }
    List<Path> files;
    try (Stream<Path> listed = Files.list(config)) {
      files = listed.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    for (Path file : files) {
      String name = ConfigSnapshots.BUNDLED_DIR + file.getFileName();
      String text = Files.readString(file, StandardCharsets.UTF_8);
      ParsedConfig parsed = YamlConfigParser.parse(name, text);
      if (parsed.problem().isPresent()) {
        System.err.println(parsed.problem().get());
        System.exit(1);
      }
      Path out = classes.resolve(ConfigSnapshots.resource(name).orElseThrow());
      Files.createDirectories(out.getParent());
      Files.write(out, ConfigSnapshots.snapshot(text, parsed));
    }
  }
}
