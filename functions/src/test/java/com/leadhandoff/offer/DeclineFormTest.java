package com.leadhandoff.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.offer.DeclineForm.Choice;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeclineFormTest {

  @Test
  void choiceWithDetails_readsAsLabelAndDetails() {
    DeclineForm form =
        DeclineForm.from(Map.of("reasonCode", "NOT_MY_TERRITORY", "reason", "  Portugal  "));

    assertEquals(
        new DeclineForm.Reason(Optional.of(Choice.NOT_MY_TERRITORY), "Not my territory: Portugal"),
        form);
  }

  @Test
  void choiceAlone_isEnough() {
    assertEquals(
        new DeclineForm.Reason(Optional.of(Choice.NOT_A_FIT), "Not a fit"),
        DeclineForm.from(Map.of("reasonCode", "NOT_A_FIT")));
  }

  @Test
  void detailsAlone_areEnough() {
    assertEquals(
        new DeclineForm.Reason(Optional.empty(), "On holiday"),
        DeclineForm.from(Map.of("reason", "On holiday\n")));
  }

  @Test
  void nothing_orOtherWithoutDetails_orBlankDetails_isAProblem() {
    assertInstanceOf(DeclineForm.Problem.class, DeclineForm.from(Map.of()));
    assertInstanceOf(DeclineForm.Problem.class, DeclineForm.from(Map.of("reasonCode", "OTHER")));
    assertInstanceOf(DeclineForm.Problem.class, DeclineForm.from(Map.of("reason", "  \n ")));
    assertInstanceOf(
        DeclineForm.Problem.class, DeclineForm.from(Map.of("reasonCode", "MADE_UP", "reason", "")));
  }

  @Test
  void detailsOf500Characters_pass_and501_areAProblem() {
    assertInstanceOf(
        DeclineForm.Reason.class, DeclineForm.from(Map.of("reason", " " + "x".repeat(500) + " ")));
    assertInstanceOf(
        DeclineForm.Problem.class, DeclineForm.from(Map.of("reason", "x".repeat(501))));
  }

  @Test
  void formBody_decodesBase64AndUrlEncoding() {
    Map<String, String> fields =
        FormBody.parse(
            java.util.Base64.getEncoder()
                .encodeToString("reasonCode=OTHER&reason=A+%26+B%C3%A9&reason=ignored".getBytes()),
            true);

    assertEquals(Map.of("reasonCode", "OTHER", "reason", "A & Bé"), fields);
    assertEquals(Map.of(), FormBody.parse("%zz=1", false));
    assertEquals(Map.of(), FormBody.parse(null, false));
  }

  @Test
  void storedReasonText_readsAsRecycling_onlyForTheRecyclingChoices() {
    for (Choice choice : Choice.values()) {
      DeclineForm.Reason reason =
          (DeclineForm.Reason)
              DeclineForm.from(Map.of("reasonCode", choice.name(), "reason", "details"));
      assertEquals(reason.recycles(), DeclineForm.readsAsRecycling(reason.text()), reason.text());
    }
    assertTrue(DeclineForm.readsAsRecycling("Spam"));
    assertFalse(DeclineForm.readsAsRecycling("Spammy but real"));
  }
}
