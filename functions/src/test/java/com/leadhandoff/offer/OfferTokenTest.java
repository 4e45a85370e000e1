package com.leadhandoff.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OfferTokenTest {

  @Test
  void generatedToken_is256RandomBitsInUrlSafeBase64WithoutPadding() {
    String value = OfferToken.generate().value();

    assertEquals(43, value.length());
    assertTrue(value.matches("[A-Za-z0-9_-]+"), value);
    assertEquals(32, Base64.getUrlDecoder().decode(value).length);
  }

  @Test
  void generatedTokens_differ_andUseTheWholeAlphabet() {
    Set<String> tokens = new HashSet<>();
    Set<Character> characters = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String value = OfferToken.generate().value();
      tokens.add(value);
      value.chars().forEach(c -> characters.add((char) c));
    }

    assertEquals(1000, tokens.size());
    // 43,000 random characters from a 64-letter alphabet leave none out (odds of a miss ~1e-290).
    assertEquals(64, characters.size());
  }

  @Test
  void hash_isTheStableSha256HexOfTheToken() {
    OfferToken token =
        OfferToken.parse("qQ42NFsFFOAiIfqmPvD6V7Hm3ih17nATht8GnneLarQ").orElseThrow();

    // Computed independently: printf '%s' TOKEN | sha256sum
    assertEquals("8185ac7963df4d08ccbf844662a12a082a9bf67a4e6acdba7f73238f2e258677", token.hash());
    assertEquals(token.hash(), OfferToken.parse(token.value()).orElseThrow().hash());
  }

  @Test
  void differentTokens_haveDifferentHashes() {
    assertNotEquals(OfferToken.generate().hash(), OfferToken.generate().hash());
  }

  @Test
  void matches_acceptsOnlyTheTokensOwnHash() {
    OfferToken token = OfferToken.generate();

    assertTrue(token.matches(token.hash()));
    assertFalse(token.matches(OfferToken.generate().hash()));
    assertFalse(token.matches(token.hash().toUpperCase()));
    assertFalse(token.matches(null));
  }

  @Test
  void parse_rejectsAnythingThatIsNotAToken() {
    assertTrue(OfferToken.parse(null).isEmpty());
    assertTrue(OfferToken.parse("").isEmpty());
    assertTrue(OfferToken.parse("short").isEmpty());
    assertTrue(OfferToken.parse("qQ42NFsFFOAiIfqmPvD6V7Hm3ih17nATht8GnneLarQ=").isEmpty());
    assertTrue(OfferToken.parse("qQ42NFsFFOAiIfqmPvD6V7Hm3ih17nATht8Gnne/arQ").isEmpty());
    assertTrue(OfferToken.parse("qQ42NFsFFOAiIfqmPvD6V7Hm3ih17nATht8GnneLarQ").isPresent());
  }

  @Test
  void toString_neverShowsTheToken() {
    OfferToken token = OfferToken.generate();

    assertFalse(token.toString().contains(token.value()));
  }
}
