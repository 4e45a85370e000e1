package com.leadhandoff.local.ses;

import java.util.Locale;

/**
 * An attachment of a Simple message, as SES v2 {@code SendEmail} takes it ({@code
 * Content.Simple.Attachments}).
 *
 * @param fileName the name shown to the recipient, with its extension
 * @param contentType the media type; when the request gave none, derived from the extension as SES
 *     does
 * @param disposition {@code ATTACHMENT} (the default) or {@code INLINE}
 * @param contentId the id an HTML part refers to as {@code cid:…}; empty when none was given
 * @param data the attachment's bytes, decoded from the request's base64
 */
public record SentAttachment(
    String fileName, String contentType, String disposition, String contentId, byte[] data) {
  public SentAttachment {
    contentId = contentId == null ? "" : contentId;
    data = data == null ? new byte[0] : data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** Whether the HTML part shows it in place, by its Content-ID. */
  public boolean inline() {
    return "INLINE".equals(disposition) && !contentId.isEmpty();
  }

  /** The media type of a file name's extension, for the common ones; octet-stream otherwise. */
  static String typeOf(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
    return switch (ext) {
      case "png" -> "image/png";
      case "jpg", "jpeg" -> "image/jpeg";
      case "gif" -> "image/gif";
      case "pdf" -> "application/pdf";
      case "txt" -> "text/plain";
      case "csv" -> "text/csv";
      default -> "application/octet-stream";
    };
  }
}
