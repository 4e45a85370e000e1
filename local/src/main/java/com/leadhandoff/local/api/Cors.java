package com.leadhandoff.local.api;

import com.leadhandoff.local.template.CorsConfiguration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What API Gateway does when an HttpApi has a {@code CorsConfiguration}: it answers preflight
 * requests itself and puts the CORS headers on responses to allowed origins, replacing any the
 * function set.
 */
final class Cors {
  private final CorsConfiguration config;

  Cors(CorsConfiguration config) {
    this.config = config;
  }

  /** Whether a request is a CORS preflight (API Gateway answers these without a route). */
  static boolean isPreflight(String method, Map<String, String> headers) {
    return method.equals("OPTIONS")
        && headers.containsKey("origin")
        && headers.containsKey("access-control-request-method");
  }

  /** Headers of the answer to a preflight from {@code origin}; empty when it is not allowed. */
  Map<String, String> preflight(String origin, Optional<String> requestedHeaders) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (!allows(origin)) {
      return headers;
    }
    headers.put("access-control-allow-origin", allowOrigin(origin));
    if (!config.allowMethods().isEmpty()) {
      headers.put("access-control-allow-methods", String.join(",", config.allowMethods()));
    }
    if (config.allowHeaders().contains("*") && requestedHeaders.isPresent()) {
      headers.put("access-control-allow-headers", requestedHeaders.get());
    } else if (!config.allowHeaders().isEmpty()) {
      headers.put("access-control-allow-headers", String.join(",", config.allowHeaders()));
    }
    config.maxAge().ifPresent(age -> headers.put("access-control-max-age", String.valueOf(age)));
    if (config.allowCredentials()) {
      headers.put("access-control-allow-credentials", "true");
    }
    return headers;
  }

  /** CORS headers for an actual response to {@code origin}; empty when it is not allowed. */
  Map<String, String> response(String origin) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (!allows(origin)) {
      return headers;
    }
    headers.put("access-control-allow-origin", allowOrigin(origin));
    if (!config.exposeHeaders().isEmpty()) {
      headers.put("access-control-expose-headers", String.join(",", config.exposeHeaders()));
    }
    if (config.allowCredentials()) {
      headers.put("access-control-allow-credentials", "true");
    }
    return headers;
  }

  /** Whether {@code origin} is allowed; patterns may use {@code *} for a subdomain. */
  boolean allows(String origin) {
    if (origin == null) {
      return false;
    }
    String actual = origin.toLowerCase(Locale.ROOT);
    return config.allowOrigins().stream()
        .map(o -> o.toLowerCase(Locale.ROOT))
        .anyMatch(pattern -> pattern.equals("*") || matches(pattern, actual));
  }

  private String allowOrigin(String origin) {
    return config.allowOrigins().equals(List.of("*")) && !config.allowCredentials() ? "*" : origin;
  }

  private static boolean matches(String pattern, String origin) {
    int star = pattern.indexOf('*');
    if (star < 0) {
      return pattern.equals(origin);
    }
    String prefix = pattern.substring(0, star);
    String suffix = pattern.substring(star + 1);
    return origin.length() > prefix.length() + suffix.length()
        && origin.startsWith(prefix)
        && origin.endsWith(suffix);
  }
}
