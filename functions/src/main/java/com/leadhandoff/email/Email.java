package com.leadhandoff.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One email ready to send, with both parts.
 *
 * @param to the recipient's address
 * @param text the plain-text part
 * @param html the HTML part, every value in it already escaped
 * @param replyTo where replies go instead of the sender (the rep, on an introduction)
 * @param headers extra header fields, e.g. {@code List-Unsubscribe}
 * @param prospect set on an email to a lead's prospect: it gets an unsubscribe link, and is held
 *     back once they unsubscribed when it is {@link Kind#COMMERCIAL}
 * @param images images the HTML part shows inline, by Content-ID; empty for most emails
 */
public record Email(
    String to,
    String subject,
    String text,
    String html,
    List<String> replyTo,
    List<Header> headers,
    Optional<ToProspect> prospect,
    List<InlineImage> images) {

  /** What RFC 8058 and the mailbox providers' bulk-sender rules make of an email to a prospect. */
  public enum Kind {
    /** Answers what the prospect just did (the acknowledgement); sent even after unsubscribing. */
    TRANSACTIONAL,
    /** A sales follow-up the prospect did not ask for by name; never sent after unsubscribing. */
    COMMERCIAL
  }

  /** An email to the prospect of lead {@code leadId}. */
  public record ToProspect(String leadId, Kind kind) {}

  /** One header field. */
  public record Header(String name, String value) {}

  public Email {
    replyTo = List.copyOf(replyTo);
    headers = List.copyOf(headers);
    images = images == null ? List.of() : List.copyOf(images);
  }

  /** An email with no Reply-To, extra headers or prospect. */
  public Email(String to, String subject, String text, String html) {
    this(to, subject, text, html, List.of(), List.of(), Optional.empty(), List.of());
  }

  /** This email with replies going to {@code address}. */
  public Email withReplyTo(String address) {
    return new Email(to, subject, text, html, List.of(address), headers, prospect, images);
  }

  /** This email with one more header field. */
  public Email withHeader(String name, String value) {
    List<Header> more = new ArrayList<>(headers);
    more.add(new Header(name, value));
    return new Email(to, subject, text, html, replyTo, more, prospect, images);
  }

  /** This email marked as going to the prospect of {@code leadId}. */
  public Email toProspect(String leadId, Kind kind) {
    return new Email(
        to,
        subject,
        text,
        html,
        replyTo,
        headers,
        Optional.of(new ToProspect(leadId, kind)),
        images);
  }

  /**
   * This email with every {@code placeholder} replaced: by {@code text} in the text part, by {@code
   * html} (the same value, escaped for HTML) in the HTML part.
   */
  public Email replacing(String placeholder, String text, String html) {
    return new Email(
        to,
        subject,
        this.text.replace(placeholder, text),
        this.html.replace(placeholder, html),
        replyTo,
        headers,
        prospect,
        images);
  }

  /** This email with {@code added} shown inline as well. */
  public Email withImages(List<InlineImage> added) {
    List<InlineImage> all = new ArrayList<>(images);
    all.addAll(added);
    return new Email(to, subject, text, html, replyTo, headers, prospect, all);
  }
}
