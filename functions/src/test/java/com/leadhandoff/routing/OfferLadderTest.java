package com.leadhandoff.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.leadhandoff.offer.Offer;
import com.leadhandoff.offer.OfferStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OfferLadderTest {
  private static final Instant NOON = Instant.parse("2025-06-11T12:00:00Z");

  @Test
  void freshLead_getsAttemptOne_andNobodyIsExcluded() {
    OfferLadder ladder = new OfferLadder(List.of(), 3);
    assertEquals(1, ladder.nextAttempt());
    assertEquals(Optional.empty(), ladder.ended());
    assertEquals(Map.of(), ladder.excluded());
  }

  @Test
  void afterTwoOffers_theThirdIsStillAllowed() {
    OfferLadder ladder =
        new OfferLadder(
            List.of(
                offer("001", "ana-ruiz", OfferStatus.EXPIRED, null),
                offer("002", "ben-okafor", OfferStatus.EXPIRED, null)),
            3);
    assertEquals(3, ladder.nextAttempt());
    assertEquals(Optional.empty(), ladder.ended());
  }

  @Test
  void maxOffersMade_endsTheLadder() {
    OfferLadder ladder =
        new OfferLadder(
            List.of(
                offer("001", "ana-ruiz", OfferStatus.EXPIRED, null),
                offer("002", "ben-okafor", OfferStatus.DECLINED, "Not my territory")),
            2);
    assertEquals(Optional.of("ladder ended after 2 offers"), ladder.ended());
  }

  @Test
  void everyRepOffered_isExcluded_withWhatHappened() {
    OfferLadder ladder =
        new OfferLadder(
            List.of(
                offer("001", "ana-ruiz", OfferStatus.DECLINED, "Not my territory"),
                offer("002", "ben-okafor", OfferStatus.EXPIRED, null),
                offer("003", "chloe-martin", OfferStatus.OPEN, null)),
            5);
    assertEquals(
        Map.of(
            "ana-ruiz", "already offered (declined: Not my territory)",
            "ben-okafor", "already offered (let offer 002 expire)",
            "chloe-martin", "already offered (offer 003 still open)"),
        ladder.excluded());
  }

  @Test
  void maxOffersBelowOne_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> new OfferLadder(List.of(), 0));
  }

  private static Offer offer(String offerId, String repId, OfferStatus status, String reason) {
    return new Offer(
        "lead-1",
        offerId,
        Integer.parseInt(offerId),
        "inbound-sales",
        repId,
        repId,
        repId + "@sales.test",
        "hash-" + offerId,
        "token-" + offerId,
        NOON,
        NOON.plusSeconds(900),
        status,
        Optional.empty(),
        Optional.ofNullable(reason));
  }
}
