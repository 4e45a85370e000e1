package com.leadhandoff.local.bench.coldstart;

import com.leadhandoff.local.template.CloudFormationYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Which deployment package each function of {@code template.yaml} runs ({@code CodeUri}). */
final class CodeUris {
  private final Path project;
  private final Map<String, Object> template;

  private CodeUris(Path project, Map<String, Object> template) {
    this.project = project;
    this.template = template;
  }

  static CodeUris of(Path project) {
    return new CodeUris(project, CloudFormationYaml.load(project.resolve("template.yaml")));
  }

  /** The package of {@code logicalId}: its own CodeUri, else the global one; it must be built. */
  @SuppressWarnings("unchecked")
  Path of(String logicalId) {
    Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
    Map<String, Object> function = (Map<String, Object>) resources.get(logicalId);
    Map<String, Object> properties =
        (Map<String, Object>) function.getOrDefault("Properties", Map.of());
    Object uri = properties.get("CodeUri");
    if (uri == null) {
      Map<String, Object> globals = (Map<String, Object>) template.get("Globals");
      uri = ((Map<String, Object>) globals.get("Function")).get("CodeUri");
    }
    Path code = project.resolve(String.valueOf(uri));
    if (!Files.isRegularFile(code)) {
      throw new IllegalStateException(
          code
              + " (CodeUri of "
              + logicalId
              + ") is not built: run mvn -B -ntp -pl functions -am package");
    }
    return code;
  }
}
