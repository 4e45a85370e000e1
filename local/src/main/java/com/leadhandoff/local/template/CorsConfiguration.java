package com.leadhandoff.local.template;

import java.util.List;
import java.util.Optional;

/**
 * An HttpApi's {@code CorsConfiguration}; list values are as written ({@code *} allowed).
 *
 * @param allowOrigins origins allowed to call the API
 * @param allowMethods methods a preflight may allow
 * @param allowHeaders request headers a preflight may allow
 * @param exposeHeaders response headers the browser may read
 * @param maxAge seconds a browser may cache a preflight answer
 * @param allowCredentials whether credentialed requests are allowed
 */
public record CorsConfiguration(
    List<String> allowOrigins,
    List<String> allowMethods,
    List<String> allowHeaders,
    List<String> exposeHeaders,
    Optional<Integer> maxAge,
    boolean allowCredentials) {}
