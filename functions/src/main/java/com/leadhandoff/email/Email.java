package com.leadhandoff.email;

import java.util.List;

/**
 * One email ready to send, with both parts.
 *
 * @param to the recipient's address
 * @param text the plain-text part
 * @param html the HTML part, every value in it already escaped
 * @param images images the HTML part shows inline, by Content-ID; empty for most emails
 */
public record Email(String to, String subject, String text, String html, List<InlineImage> images) {
  public Email {
    images = images == null ? List.of() : List.copyOf(images);
  }

  /** An email without inline images. */
  public Email(String to, String subject, String text, String html) {
    this(to, subject, text, html, List.of());
  }

  /** This email with {@code added} shown inline as well. */
  public Email withImages(List<InlineImage> added) {
    List<InlineImage> all = new java.util.ArrayList<>(images);
    all.addAll(added);
    return new Email(to, subject, text, html, all);
  }
}
