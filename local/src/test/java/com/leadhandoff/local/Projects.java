package com.leadhandoff.local;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the test projects' templates are. */
public final class Projects {
  private Projects() {}

  /** The repository root, holding the real template.yaml. */
  public static Path root() {
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("template.yaml")) ? here : here.getParent();
  }

  /** The small test project in test resources (its handlers are test classes). */
  public static Path echo() {
    try {
      return Path.of(Projects.class.getResource("/echo-project/template.yaml").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
