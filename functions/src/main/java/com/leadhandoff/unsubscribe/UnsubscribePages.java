package com.leadhandoff.unsubscribe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/**
 * The pages an unsubscribe link answers with; they never show the address (links get forwarded).
 */
final class UnsubscribePages {
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

  private UnsubscribePages() {}

  static APIGatewayV2HTTPResponse response(Unsubscribe.Outcome outcome) {
    switch (outcome) {
      case CONFIRM:
        // An empty action posts back to this same URL; the body is RFC 8058's one-click body.
        return page(
            200,
            "Unsubscribe?",
            "<p>Press the button to get no more sales emails from us at the address this link was"
                + " sent to.</p><form method=\"post\" action=\"\"><input type=\"hidden\""
                + " name=\"List-Unsubscribe\" value=\"One-Click\"><button type=\"submit\""
                + " style=\"padding: 10px 18px; font-size: 15px;\">Unsubscribe</button></form>");
      case UNSUBSCRIBED:
        return page(
            200,
            "You are unsubscribed",
            "<p>We will send no more sales emails to this address. If you contact us again, we"
                + " still confirm that we received your request.</p>");
      default:
        return page(
            404,
            "Link not recognised",
            "<p>This unsubscribe link is not one we sent, or it was cut short. Please open the"
                + " full link from the email.</p>");
    }
  }

  private static APIGatewayV2HTTPResponse page(int status, String title, String body) {
    String html =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
            + " content=\"width=device-width, initial-scale=1\"><title>"
            + title
            + "</title></head><body style=\"font-family: Arial, Helvetica, sans-serif; max-width:"
            + " 36em; margin: 2em auto; padding: 0 1em;\"><h1 style=\"font-size: 20px;\">"
            + title
            + "</h1>"
            + body
            + "</body></html>";
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(HEADERS)
        .withBody(html)
        .build();
  }
}
