package com.leadhandoff.intake;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The web origins a plain HTML form may send the prospect to after posting a lead: the template's
 * {@code AllowedOrigins}, the sites whose forms post leads. Any other absolute URL in a form's
 * {@code redirect} field would make {@code POST /leads} an open redirect, lending this API's
 * address to a phishing link.
 *
 * @param origins {@code scheme://host[:port]}, lower case, without a default port or a trailing
 *     slash
 */
public record RedirectOrigins(Set<String> origins) {
  /** No absolute redirect is allowed; paths on this site still are. */
  public static final RedirectOrigins NONE = new RedirectOrigins(Set.of());

  public RedirectOrigins {
    origins = Set.copyOf(origins);
  }

  /**
   * The origins in a comma-separated list such as the {@code ALLOWED_ORIGINS} setting. A {@code *}
   * entry, which lets any site post with CORS, is ignored here: it would allow every redirect.
   */
  public static RedirectOrigins parse(String commaSeparated) {
    return new RedirectOrigins(
        Arrays.stream(commaSeparated.split(","))
            .map(String::trim)
            .filter(o -> !o.isEmpty() && !o.equals("*"))
            .map(o -> origin(URI.create(o)))
            .flatMap(Optional::stream)
            .collect(Collectors.toSet()));
  }

  /** Whether {@code target}, an absolute URL, is on one of the origins. */
  public boolean allows(URI target) {
    return origin(target).map(origins::contains).orElse(false);
  }

  /** The allowed origins for an error message, sorted. */
  String describe() {
    return origins.isEmpty()
        ? "(none configured)"
        : origins.stream().sorted().collect(Collectors.joining(", "));
  }

  private static Optional<String> origin(URI uri) {
    if (uri.getScheme() == null || uri.getHost() == null) {
      return Optional.empty();
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || (scheme.equals("https") && port == 443)
            || (scheme.equals("http") && port == 80);
    return Optional.of(
        scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
  }
}
