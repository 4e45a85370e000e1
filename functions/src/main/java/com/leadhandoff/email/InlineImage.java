package com.leadhandoff.email;

/**
 * An image shown inside an email's HTML part, which refers to it as {@code <img
 * src="cid:CONTENT_ID">}.
 *
 * @param contentId the Content-ID the HTML refers to, e.g. {@code compliance-chart}
 * @param fileName the name mail clients show when they offer to save it, with its extension
 * @param contentType the media type, e.g. {@code image/png}
 * @param data the image's bytes
 */
public record InlineImage(String contentId, String fileName, String contentType, byte[] data) {
  public InlineImage {
    if (contentId == null || !contentId.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException(
          "A Content-ID is letters, digits, '.', '_' or '-', was " + contentId);
    }
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }
}
