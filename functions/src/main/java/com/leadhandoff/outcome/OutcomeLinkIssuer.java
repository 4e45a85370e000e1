package com.leadhandoff.outcome;

import com.leadhandoff.email.LeadSummary;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.offer.OfferToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Issues the outcome links of an owner's email: one fresh token, stored only as its hash, and one
 * URL per outcome that opens its confirmation page with that outcome chosen.
 */
public final class OutcomeLinkIssuer {
  /** How long outcome links work when no setting says otherwise: a quarter's sales cycle. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);

  private final OutcomeLinkStore links;
  private final Clock clock;
  private final String publicBaseUrl;
  private final Duration lifetime;

  /**
   * @param publicBaseUrl where reps reach the API, e.g. {@code https://leads.example.com}
   * @param lifetime how long after the email its links record outcomes
   */
  public OutcomeLinkIssuer(
      OutcomeLinkStore links, Clock clock, String publicBaseUrl, Duration lifetime) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("Outcome links need a positive lifetime: " + lifetime);
    }
    this.links = links;
    this.clock = clock;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    this.lifetime = lifetime;
  }

  /**
   * The links of one email, as the email template shows them.
   *
   * @param links one per outcome: {@code label} and {@code url}
   * @param expires when they stop working, readable
   */
  public record Issued(List<Map<String, String>> links, String expires) {}

  /** Stores a new link for {@code owner} of lead {@code leadId} and returns its URLs. */
  public Issued issue(String leadId, Owner owner) {
    // The same kind of secret as an offer link's: 256 random bits, only the hash kept.
    OfferToken token = OfferToken.generate();
    Instant now = clock.instant();
    OutcomeLink link =
        new OutcomeLink(token.hash(), leadId, owner.id(), owner.name(), now, now.plus(lifetime));
    links.put(link);
    String base = publicBaseUrl + "/outcomes/" + token.value() + "?outcome=";
    return new Issued(
        Arrays.stream(Outcome.values())
            .map(o -> Map.of("label", o.label(), "url", base + o.name()))
            .toList(),
        LeadSummary.time(link.expiresAt()));
  }
}
