package com.leadhandoff.offer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/**
 * An offer or outcome page as the HTTP API response, with the headers a page carrying a secret
 * needs.
 */
public final class PageResponse {
  // The token is in the URL: never cache the page, index it, or leak it as a referrer.
  private static final Map<String, String> HEADERS =
      Map.of(
          "content-type", "text/html; charset=utf-8",
          "cache-control", "no-store",
          "x-robots-tag", "noindex, nofollow",
          "referrer-policy", "no-referrer",
          "x-content-type-options", "nosniff",
          "content-security-policy",
              "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                  + "frame-ancestors 'none'; base-uri 'none'");

  private PageResponse() {}

  public static APIGatewayV2HTTPResponse of(OfferPages.Page page) {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(page.status())
        .withHeaders(HEADERS)
        .withBody(page.html())
        .build();
  }
}
