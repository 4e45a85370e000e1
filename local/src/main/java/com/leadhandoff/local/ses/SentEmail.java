package com.leadhandoff.local.ses;

import java.time.Instant;
import java.util.List;
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
    List<SentAttachment> attachments) {

  public SentEmail {
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    bcc = List.copyOf(bcc);
    replyTo = List.copyOf(replyTo);
    text = text == null ? "" : text;
    html = html == null ? "" : html;
    links = List.copyOf(links);
    // An outbox saved before attachments were kept reads back without them.
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** An email without attachments. */
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
    this(messageId, from, to, cc, bcc, replyTo, subject, text, html, links, sentAt, List.of());
  }

  /** Whether {@code address} received it (To, Cc or Bcc), ignoring case. */
  public boolean isFor(String address) {
    return Stream.of(to, cc, bcc).flatMap(List::stream).anyMatch(a -> a.equalsIgnoreCase(address));
  }
}
