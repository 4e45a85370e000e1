package com.leadhandoff.local.cost;

/**
 * What one lead used of each billed resource, on average over a scenario's leads.
 *
 * @param transitions Step Functions state transitions (states entered)
 * @param invocations Lambda invocations (the state machine's tasks and the HTTP routes' functions)
 * @param gbSeconds Lambda duration times memory, each invocation rounded up to a millisecond
 * @param writeUnits DynamoDB write request units, indexes included
 * @param readUnits DynamoDB read request units
 * @param dynamoCalls DynamoDB requests made
 * @param emails emails sent through SES
 * @param apiRequests requests to the HTTP API (the form post, the rep's clicks)
 * @param busEvents lead events published to the EventBridge bus
 */
record Usage(
    double transitions,
    double invocations,
    double gbSeconds,
    double writeUnits,
    double readUnits,
    double dynamoCalls,
    double emails,
    double apiRequests,
    double busEvents) {

  /** What 1,000 such leads cost at {@code prices}, on x86_64 or arm64 Lambda. */
  double costPerThousand(Prices prices, boolean arm) {
    double perLead =
        transitions * prices.stateTransition()
            + invocations * prices.lambdaRequest()
            + gbSeconds * (arm ? prices.lambdaGbSecondArm() : prices.lambdaGbSecondX86())
            + writeUnits * prices.writeRequestUnit()
            + readUnits * prices.readRequestUnit()
            + emails * prices.email()
            + apiRequests * prices.httpApiRequest()
            + busEvents * prices.busEvent();
    return perLead * 1_000;
  }
}
