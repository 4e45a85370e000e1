package com.leadhandoff.local.template;

import com.leadhandoff.local.Projects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's {@code template.yaml} as plain maps (intrinsics in long form), for contract tests.
 */
final class TemplateTree {
  final Map<String, Object> root =
      CloudFormationYaml.load(Projects.root().resolve("template.yaml"));

  /** The value at {@code path} (map keys), or null where a key is missing. */
  @SuppressWarnings("unchecked")
  Object at(Object node, String... path) {
    Object current = node;
    for (String key : path) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = ((Map<String, Object>) map).get(key);
    }
    return current;
  }

  /** The map at {@code path} from the template's root, or an empty map. */
  @SuppressWarnings("unchecked")
  Map<String, Object> map(String... path) {
    Object value = at(root, path);
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** A resource's Properties. */
  Map<String, Object> properties(String logicalId) {
    return map("Resources", logicalId, "Properties");
  }

  /** Every resource of {@code type}, by logical id. */
  @SuppressWarnings("unchecked")
  Map<String, Map<String, Object>> ofType(String type) {
    Map<String, Map<String, Object>> found = new LinkedHashMap<>();
    map("Resources")
        .forEach(
            (id, r) -> {
              if (type.equals(((Map<String, Object>) r).get("Type"))) {
                found.put(id, (Map<String, Object>) r);
              }
            });
    return found;
  }

  /** A list at {@code path} from {@code node}, or an empty list. */
  List<?> list(Object node, String... path) {
    Object value = at(node, path);
    return value instanceof List<?> l ? l : List.of();
  }

  /** A project file's text. */
  static String read(String relative) {
    try {
      return Files.readString(Projects.root().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
