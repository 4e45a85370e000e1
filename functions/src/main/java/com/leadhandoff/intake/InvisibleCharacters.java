package com.leadhandoff.intake;

/**
 * Removes characters that change how text around them is shown without being seen themselves.
 *
 * <p>They are removed, not refused: a name pasted from a chat or a word processor often carries a
 * zero-width space or a direction mark the prospect never saw, and refusing it would lose a real
 * lead over nothing. Removed are the bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E,
 * U+200F, U+061C), which can make "Alice" render as "ecilA" in a subject line; the zero-width
 * characters (U+200B–U+200D, U+2060, U+FEFF); and every other invisible formatting character
 * (Unicode category Cf, e.g. the soft hyphen). What is stored is then exactly what every email
 * shows. Control characters proper (line breaks in a one-line field, NUL, ESC…) are still refused
 * by {@link SubmissionValidator}: they are never typed into a form field and are how header
 * injection is tried.
 */
final class InvisibleCharacters {
  private InvisibleCharacters() {}

  /** {@code text} without its invisible formatting characters. */
  static String remove(String text) {
    if (text.codePoints().noneMatch(InvisibleCharacters::isInvisible)) {
      return text;
    }
    StringBuilder kept = new StringBuilder(text.length());
    text.codePoints().filter(c -> !isInvisible(c)).forEach(kept::appendCodePoint);
    return kept.toString();
  }

  /** Whether {@code codePoint} is a formatting character with no glyph of its own. */
  static boolean isInvisible(int codePoint) {
    // Every character the issue names (bidi controls, zero-width space/joiners, word joiner,
    // BOM, Arabic letter mark) is in category Cf; the category catches their relatives too.
    return Character.getType(codePoint) == Character.FORMAT;
  }
}
