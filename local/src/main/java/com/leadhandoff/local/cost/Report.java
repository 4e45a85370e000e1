package com.leadhandoff.local.cost;

import java.util.List;
import java.util.Locale;

/** The cost model's printout: usage per lead, then cost per 1,000 leads against the floor. */
final class Report {
  private Report() {}

  static String of(List<Measured> scenarios, Prices prices) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "AWS list prices, us-east-1, recorded %s (not fetched: check before quoting)%n%n",
            Prices.RECORDED));
    for (Measured m : scenarios) {
      Usage u = m.usage();
      Usage f = m.floor();
      out.append(
          String.format(
              Locale.ROOT,
              "Lead %s (%.1f offers, %.1f reminders per lead)%n",
              m.scenario().description,
              m.offers(),
              m.reminders()));
      out.append(
          String.format(Locale.ROOT, "  %-34s %10s %10s%n", "per lead", "measured", "floor"));
      row(out, "state transitions", u.transitions(), f.transitions());
      row(out, "Lambda invocations", u.invocations(), f.invocations());
      row(out, "Lambda GB-seconds", u.gbSeconds(), f.gbSeconds());
      row(out, "DynamoDB write request units", u.writeUnits(), f.writeUnits());
      row(out, "DynamoDB read request units", u.readUnits(), f.readUnits());
      row(out, "DynamoDB requests", u.dynamoCalls(), f.dynamoCalls());
      row(out, "emails", u.emails(), f.emails());
      row(out, "HTTP API requests", u.apiRequests(), f.apiRequests());
      row(out, "lead events", u.busEvents(), f.busEvents());
      for (boolean arm : new boolean[] {false, true}) {
        double cost = u.costPerThousand(prices, arm);
        double floor = f.costPerThousand(prices, arm);
        out.append(
            String.format(
                Locale.ROOT,
                "  cost per 1,000 leads, %-7s      %10s %10s  (%.2fx the floor)%n",
                arm ? "arm64" : "x86_64",
                CostModel.money(cost),
                CostModel.money(floor),
                cost / floor));
      }
      out.append(
          String.format(
              Locale.ROOT,
              "  DynamoDB requests from the form post to the offer email: %s%n",
              number(m.requestsToOfferEmail())));
      m.toOfferEmail()
          .forEach(
              (call, count) ->
                  out.append(String.format(Locale.ROOT, "    %-46s %6s%n", call, number(count))));
      out.append(System.lineSeparator());
    }
    return out.toString();
  }

  private static void row(StringBuilder out, String what, double measured, double floor) {
    out.append(
        String.format(
            Locale.ROOT,
            "  %-34s %10s %10s%n",
            what,
            number(measured),
            Double.isNaN(floor) ? "-" : number(floor)));
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e9
        ? String.valueOf((long) v)
        : String.format(Locale.ROOT, "%.4f", v);
  }
}
