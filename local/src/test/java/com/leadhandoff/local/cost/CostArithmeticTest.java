package com.leadhandoff.local.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cost model's arithmetic: prices times usage, and the floor a scenario's work allows. */
class CostArithmeticTest {
  private static final Prices PRICES = Prices.usEast1();

  @Test
  void costPerThousand_addsEveryResourceAtItsListPrice() {
    // GIVEN one of each billed thing per lead
    Usage one = new Usage(1, 1, 1, 1, 1, 1, 1, 1, 1);

    // WHEN priced
    double x86 = one.costPerThousand(PRICES, false);
    double arm = one.costPerThousand(PRICES, true);

    // THEN 1,000 times the sum of the unit prices, arm64 cheaper by the GB-second difference
    double perLead =
        0.000025
            + 0.0000002
            + 0.0000166667
            + 0.000000625
            + 0.000000125
            + 0.0001
            + 0.000001
            + 0.000001;
    assertEquals(perLead * 1000, x86, 1e-12);
    assertEquals((perLead - 0.0000166667 + 0.0000133334) * 1000, arm, 1e-12);
  }

  @Test
  void floor_ofAnEscalatedLead_isOneTransitionToTakeItInAndOnePerWait() {
    // GIVEN an escalated lead as measured: 3 offers, 6 reminders, 1 API request, 32 invocations
    Usage measured = new Usage(46, 32, 9.6, 101, 99, 176, 14, 1, 18);
    Measured escalated = new Measured(Scenario.ESCALATED, measured, 3, 6, Map.of());

    // WHEN its floor is worked out
    Usage floor = escalated.floor();

    // THEN 1 + 3 + 6 transitions; one more invocation for the form post, at the measured time each;
    // two writes per change (received, 3 offers, 6 reminders, escalated); a read per routing
    assertEquals(10, floor.transitions());
    assertEquals(11, floor.invocations());
    assertEquals(11 * 9.6 / 32, floor.gbSeconds(), 1e-12);
    assertEquals(22, floor.writeUnits());
    assertEquals(1.5, floor.readUnits());
    assertEquals(14, floor.emails());
    assertEquals(18, floor.busEvents());
  }

  @Test
  void floor_ofALeadAcceptedAtOnce_countsTheRepsClicksAsReads() {
    Usage measured = new Usage(11, 9.6, 4, 40.4, 29, 59, 4, 3, 4);

    Usage floor = new Measured(Scenario.ACCEPTED_BY_FIRST_REP, measured, 1, 0, Map.of()).floor();

    assertEquals(2, floor.transitions());
    assertEquals(5, floor.invocations());
    assertEquals(6, floor.writeUnits());
    assertEquals(1.5, floor.readUnits(), "two clicks and one routing decision, half a unit each");
  }
}
