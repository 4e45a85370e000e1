package com.leadhandoff.local.template;

import java.util.List;

/**
 * A template parameter and the value it has locally (its default, or an override).
 *
 * @param name the parameter's logical name
 * @param type the CloudFormation type, e.g. {@code String}, {@code Number}, {@code
 *     CommaDelimitedList}
 * @param value a {@code String}, or a {@code List<String>} for list types
 */
public record Parameter(String name, String type, Object value) {
  /** Whether {@code Ref} to this parameter yields a list. */
  public boolean isList() {
    return value instanceof List<?>;
  }
}
