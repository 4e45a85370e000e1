package com.leadhandoff.local.ses;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One email the local SES endpoint accepted.
 *
 * @param messageId the id SES answered with
 * @param from the sender address
 * @param to the To addresses, in the order given
 * @param cc the Cc addresses
 * @param bcc the Bcc addresses
 * @param replyTo the Reply-To addresses
 * @param subject the subject line
 * @param text the plain-text part, empty when the message had none
 * @param html the HTML part, empty when the message had none
 * @param links every link found in either part, first occurrence first
 * @param sentAt when it was sent, by the runtime's clock
 * @param attachments the Simple message's attachments, inline images among them; empty for most
 * @param headers the custom header fields of a Simple message ({@code Content.Simple.Headers}), in
 *     the order given, e.g. {@code List-Unsubscribe}
 * @param configurationSet the {@code ConfigurationSetName} the send named, empty if none
 * @param tags the message tags ({@code EmailTags}), name to value
 */
public record SentEmail(
    String messageId,
    String from,
    List<String> to,
    List<String> cc,
    List<String> bcc,
    List<String> replyTo,
    String subject,
    String text,
    String html,
    List<String> links,
    Instant sentAt,
    List<SentAttachment> attachments,
    List<Header> headers,
    String configurationSet,
    Map<String, String> tags) {

  /** One header field as the sender gave it. */
  public record Header(String name, String value) {}

  /** An email sent with no custom headers, configuration set or tags. */
  public SentEmail(
      String messageId,
      String from,
      List<String> to,
      List<String> cc,
      List<String> bcc,
      List<String> replyTo,
      String subject,
      String text,
      String html,
      List<String> links,
      Instant sentAt) {
    this(
        messageId, from, to, cc, bcc, replyTo, subject, text, html, links, sentAt, List.of(),
        List.of(), "", Map.of());
  }

  public SentEmail {
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    bcc = List.copyOf(bcc);
    replyTo = List.copyOf(replyTo);
    text = text == null ? "" : text;
    html = html == null ? "" : html;
    links = List.copyOf(links);
    // Outboxes saved before these fields existed read them as null.
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    headers = headers == null ? List.of() : List.copyOf(headers);
    configurationSet = configurationSet == null ? "" : configurationSet;
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }

  /** The value of header field {@code name} (any letter case), if the sender gave it. */
  public java.util.Optional<String> header(String name) {
    return headers.stream()
        .filter(h -> h.name().equalsIgnoreCase(name))
        .map(Header::value)
        .findFirst();
  }

  /** Whether {@code address} received it (To, Cc or Bcc), ignoring case. */
  public boolean isFor(String address) {
    return Stream.of(to, cc, bcc).flatMap(List::stream).anyMatch(a -> a.equalsIgnoreCase(address));
  }
}
