package com.leadhandoff.local.cost;

import java.util.Map;

/**
 * One scenario as measured in the local runtime, per lead, with the shape of its work.
 *
 * @param usage what a lead used, on average
 * @param offers offers made per lead
 * @param reminders reminders sent per lead
 * @param toOfferEmail the DynamoDB requests from the form post to the first offer email, per lead,
 *     by operation and table (e.g. {@code PutItem lead-handoff-leads})
 */
record Measured(
    Scenario scenario,
    Usage usage,
    double offers,
    double reminders,
    Map<String, Double> toOfferEmail) {

  Measured {
    toOfferEmail = Map.copyOf(toOfferEmail);
  }

  /** The DynamoDB requests from the form post to the first offer email, per lead. */
  double requestsToOfferEmail() {
    return toOfferEmail.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /**
   * The least this scenario's work could use (see docs/cost-model.md): one state transition and
   * invocation to take the lead in and one per wait (each offer, each reminder); one read per rep's
   * click and per routing decision; the lead and its history written once per change (received,
   * each offer, each reminder, the outcome); the same emails, API requests and events, which are
   * the product's features, and the same time per invocation.
   */
  Usage floor() {
    double transitions = 1 + offers + reminders;
    double invocations = transitions + usage.apiRequests();
    double perInvocation = usage.invocations() == 0 ? 0 : usage.gbSeconds() / usage.invocations();
    double changes = 1 + offers + reminders + 1;
    double clicks = usage.apiRequests() - 1;
    return new Usage(
        transitions,
        invocations,
        invocations * perInvocation,
        2 * changes,
        0.5 * (clicks + offers),
        Double.NaN,
        usage.emails(),
        usage.apiRequests(),
        usage.busEvents());
  }
}
