package com.leadhandoff.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PersonalDataTest {
  @Test
  void email_keepsTheFirstLetterAndTheDomain() {
    assertEquals("v***@acme.com", PersonalData.email("vera.kim@acme.com"));
  }

  @Test
  void name_keepsInitialsOnly() {
    assertEquals("V*** K***", PersonalData.name(" Vera  Kim "));
  }

  @Test
  void phone_keepsTheLastTwoDigits() {
    assertEquals("***67", PersonalData.phone("+49 (170) 123-4567"));
  }

  @Test
  void scrub_masksEveryAddressAndPhoneInFreeText_andLeavesIdsAndShortNumbersAlone() {
    // GIVEN an error message quoting what a form sent
    String message =
        "email 'ben@globex.io' is taken by lead 01JD5 (score 72); call +1 415 555 0199 or"
            + " ann.lee+forms@mail.example.org";

    // WHEN it is scrubbed
    String scrubbed = PersonalData.scrub(message);

    // THEN no address or phone survives, the rest does
    assertEquals(
        "email 'b***@globex.io' is taken by lead 01JD5 (score 72); call ***99 or"
            + " a***@mail.example.org",
        scrubbed);
  }

  @Test
  void nothing_staysNothing() {
    assertNull(PersonalData.scrub(null));
    assertNull(PersonalData.email(null));
  }
}
