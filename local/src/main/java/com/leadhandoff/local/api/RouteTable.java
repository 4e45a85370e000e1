package com.leadhandoff.local.api;

import com.leadhandoff.local.template.HttpRoute;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the route for a request as API Gateway does: the most specific path wins (literal segments
 * over {@code {param}}, a {@code {proxy+}} greedy segment last), a route for the exact method over
 * {@code ANY}, and {@code $default} when nothing else matches.
 */
final class RouteTable {
  private final List<Compiled> routes;

  RouteTable(List<HttpRoute> routes) {
    Map<String, HttpRoute> byKey = new LinkedHashMap<>();
    for (HttpRoute route : routes) {
      HttpRoute clash = byKey.put(route.apiId() + " " + route.routeKey(), route);
      if (clash != null) {
        throw new IllegalStateException(
            "Route "
                + route.routeKey()
                + " of "
                + route.apiId()
                + " is declared by both "
                + clash.functionName()
                + " and "
                + route.functionName());
      }
    }
    this.routes =
        routes.stream().map(Compiled::new).sorted(Comparator.comparing(Compiled::rank)).toList();
  }

  /**
   * A matched route and the values of its path parameters.
   *
   * @param route the route
   * @param pathParameters parameter name → URL-decoded value
   */
  record Match(HttpRoute route, Map<String, String> pathParameters) {}

  /** The route for {@code method} on {@code rawPath}, if any. */
  Optional<Match> match(String method, String rawPath) {
    List<String> segments = segments(rawPath);
    for (Compiled route : routes) {
      if (route.accepts(method)) {
        Optional<Map<String, String>> parameters = route.match(segments);
        if (parameters.isPresent()) {
          return Optional.of(new Match(route.route, parameters.get()));
        }
      }
    }
    return Optional.empty();
  }

  /** The routes whose path matches {@code rawPath}, whatever their method. */
  List<HttpRoute> routesFor(String rawPath) {
    List<String> segments = segments(rawPath);
    List<HttpRoute> found = new ArrayList<>();
    for (Compiled route : routes) {
      if (route.route.path() != null && route.match(segments).isPresent()) {
        found.add(route.route);
      }
    }
    return found;
  }

  private static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String segment : rawPath.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    return segments;
  }

  private static String decode(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static final class Compiled {
    final HttpRoute route;
    final List<String> pattern;

    Compiled(HttpRoute route) {
      this.route = route;
      this.pattern = route.path() == null ? null : segments(route.path());
    }

    boolean accepts(String method) {
      return route.method().equals("ANY") || route.method().equalsIgnoreCase(method);
    }

    /** Sort key: more specific routes first, $default last. */
    String rank() {
      if (pattern == null) {
        return "9";
      }
      StringBuilder rank = new StringBuilder();
      for (String segment : pattern) {
        rank.append(segment.endsWith("+}") ? '3' : segment.startsWith("{") ? '2' : '1');
      }
      return "0" + rank + "|" + (route.method().equals("ANY") ? "1" : "0");
    }

    Optional<Map<String, String>> match(List<String> segments) {
      if (pattern == null) {
        return Optional.of(Map.of());
      }
      Map<String, String> parameters = new LinkedHashMap<>();
      for (int i = 0; i < pattern.size(); i++) {
        String expected = pattern.get(i);
        if (expected.startsWith("{") && expected.endsWith("+}")) {
          if (i >= segments.size()) {
            return Optional.empty();
          }
          String name = expected.substring(1, expected.length() - 2);
          List<String> rest =
              segments.subList(i, segments.size()).stream().map(RouteTable::decode).toList();
          parameters.put(name, String.join("/", rest));
          return Optional.of(parameters);
        }
        if (i >= segments.size()) {
          return Optional.empty();
        }
        String actual = decode(segments.get(i));
        if (expected.startsWith("{") && expected.endsWith("}")) {
          parameters.put(expected.substring(1, expected.length() - 1), actual);
        } else if (!expected.equals(actual)) {
          return Optional.empty();
        }
      }
      return segments.size() == pattern.size() ? Optional.of(parameters) : Optional.empty();
    }
  }
}
