package com.leadhandoff.unsubscribe;

import com.leadhandoff.email.Email;
import com.leadhandoff.email.EmailTemplates;
import com.leadhandoff.email.Mailer;
import com.leadhandoff.email.Outgoing;
import com.leadhandoff.history.Change;
import com.leadhandoff.offer.OfferToken;
import java.time.Clock;
import java.util.Optional;

/**
 * Gives every email to a prospect its own one-click unsubscribe link (RFC 8058: {@code
 * List-Unsubscribe} with an HTTPS URI and {@code List-Unsubscribe-Post:
 * List-Unsubscribe=One-Click}, plus the same link in the body), and holds back commercial email to
 * an address that unsubscribed. Other email passes through unchanged.
 *
 * <p>Gmail's and Yahoo's bulk-sender rules (2024) ask for one-click unsubscribe on marketing and
 * promotional mail and exempt transactional mail. The acknowledgement answers a request the
 * prospect just made, so it still goes out after they unsubscribed, with the link again; the rep's
 * introduction is a sales follow-up, so it does not.
 */
public final class UnsubscribeMailer implements Mailer {
  private final Mailer delegate;
  private final Unsubscribes unsubscribes;
  private final String baseUrl;
  private final Clock clock;

  /**
   * @param baseUrl the API's public base URL; links are {@code baseUrl/unsubscribe/TOKEN}
   */
  public UnsubscribeMailer(
      Mailer delegate, Unsubscribes unsubscribes, String baseUrl, Clock clock) {
    this.delegate = delegate;
    this.unsubscribes = unsubscribes;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.clock = clock;
  }

  @Override
  public void send(Email email) {
    deliver(email);
  }

  @Override
  public boolean deliver(Email email) {
    Outgoing outgoing = prepare(email);
    if (outgoing.before().isPresent() && !outgoing.before().get().make()) {
      throw new IllegalStateException("An unsubscribe link's record was refused");
    }
    return outgoing.deliver();
  }

  /**
   * The email with its link, the link's record to store before it goes (the prospect can click it
   * as soon as it arrives), or held back with nothing to store.
   */
  @Override
  public Outgoing prepare(Email email) {
    if (email.prospect().isEmpty()) {
      return delegate.prepare(email);
    }
    Email.ToProspect prospect = email.prospect().get();
    if (prospect.kind() == Email.Kind.COMMERCIAL && unsubscribes.isUnsubscribed(email.to())) {
      return new Outgoing(Optional.empty(), () -> false);
    }
    // The same opaque-token rules as offer links: 256 random bits, only the hash stored.
    OfferToken token = OfferToken.generate();
    Change link =
        unsubscribes.issuing(
            token.hash(), new Unsubscribes.Link(email.to(), prospect.leadId()), clock.instant());
    String url = baseUrl + "/unsubscribe/" + token.value();
    Email linked =
        email
            .replacing(EmailTemplates.UNSUBSCRIBE_PLACEHOLDER, url, url.replace("&", "&amp;"))
            .withHeader("List-Unsubscribe", "<" + url + ">")
            .withHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    return new Outgoing(Optional.of(link), () -> delegate.deliver(linked));
  }
}
