package com.leadhandoff.intake;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * One of the two body formats a web form sends, with the charset its text is in.
 *
 * @param charset from the content type's {@code charset} parameter; UTF-8 when absent, which is
 *     what browsers send for forms on UTF-8 pages and what JSON requires
 */
public record BodyFormat(Kind kind, Charset charset) {

  /** The two formats. */
  public enum Kind {
    /** {@code application/json}: what a page posting with {@code fetch} sends. */
    JSON,
    /** {@code application/x-www-form-urlencoded}: what a plain HTML {@code <form>} sends. */
    FORM
  }

  /**
   * The format a {@code Content-Type} header names, if intake reads it: media type compared
   * case-insensitively, parameters other than {@code charset} ignored.
   */
  public static Optional<BodyFormat> of(String contentType) {
    Optional<Kind> kind = kind(contentType);
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> name = charsetName(contentType);
    if (name.isEmpty()) {
      return Optional.of(new BodyFormat(kind.get(), StandardCharsets.UTF_8));
    }
    try {
      // Any charset the JVM knows is honoured: UTF-8, ISO-8859-1, UTF-16 and the rest.
      return Charset.isSupported(name.get())
          ? Optional.of(new BodyFormat(kind.get(), Charset.forName(name.get())))
          : Optional.empty();
    } catch (IllegalCharsetNameException e) {
      return Optional.empty();
    }
  }

  /**
   * Why {@link #of} refused {@code contentType}: an unknown charset of a format intake reads is
   * named as such, so the developer changes the charset rather than the format.
   *
   * @param contentType the header, if sent
   */
  public static String refusal(Optional<String> contentType) {
    Optional<String> charset =
        contentType.filter(t -> kind(t).isPresent()).flatMap(BodyFormat::charsetName);
    if (charset.isPresent()) {
      return "Charset '"
          + charset.get()
          + "' is not supported: send the body in UTF-8 (or ISO-8859-1, UTF-16) and name it"
          + " in Content-Type";
    }
    return "Content type "
        + contentType.map(t -> "'" + t + "'").orElse("(none)")
        + " is not supported: send application/json or application/x-www-form-urlencoded";
  }

  private static Optional<Kind> kind(String contentType) {
    return switch (contentType.split(";")[0].trim().toLowerCase(Locale.ROOT)) {
      case "application/json" -> Optional.of(Kind.JSON);
      case "application/x-www-form-urlencoded" -> Optional.of(Kind.FORM);
      default -> Optional.empty();
    };
  }

  private static Optional<String> charsetName(String contentType) {
    String[] parts = contentType.split(";");
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].split("=", 2);
      if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("charset")) {
        return Optional.of(parameter[1].trim().replace("\"", ""));
      }
    }
    return Optional.empty();
  }
}
