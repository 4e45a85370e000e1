package com.leadhandoff.local.template;

/**
 * One HttpApi route that invokes a function.
 *
 * @param apiId the logical id of the HttpApi the route belongs to
 * @param method the HTTP method in upper case, or {@code ANY}
 * @param path the path with {@code {param}} or {@code {proxy+}} placeholders, or {@code null} for
 *     the {@code $default} route
 * @param functionName the function the route invokes
 * @param eventId the event's name under the function's {@code Events}
 */
public record HttpRoute(
    String apiId, String method, String path, String functionName, String eventId) {
  /** The route key as API Gateway writes it: {@code "POST /leads"} or {@code "$default"}. */
  public String routeKey() {
    return path == null ? "$default" : method + " " + path;
  }
}
