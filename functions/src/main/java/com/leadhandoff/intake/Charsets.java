package com.leadhandoff.intake;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strict decoding: Java's {@code new String(bytes, charset)} silently turns bad bytes into U+FFFD.
 */
final class Charsets {
  private Charsets() {}

  /** {@code bytes} as text in {@code charset}; bytes that are not valid in it throw. */
  static String decode(byte[] bytes, Charset charset) throws CharacterCodingException {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  /**
   * Whether {@code charset} writes ASCII as ASCII bytes, so that a percent-encoded body can be
   * split and unescaped byte by byte. UTF-16 and UTF-32 do not.
   */
  static boolean isAsciiCompatible(Charset charset) {
    String probe = "Az09=%+&";
    return charset.canEncode()
        && Arrays.equals(probe.getBytes(charset), probe.getBytes(StandardCharsets.US_ASCII));
  }
}
