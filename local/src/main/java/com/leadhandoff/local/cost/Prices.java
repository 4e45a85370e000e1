package com.leadhandoff.local.cost;

/**
 * AWS list prices the cost model multiplies by: US East (N. Virginia), on-demand, first pricing
 * tier, no free tier, as recorded on {@link #RECORDED} from the services' pricing pages. They are
 * not fetched at run time: check them against the pricing pages before quoting a figure.
 *
 * @param stateTransition Step Functions Standard, per state transition ($0.025 per 1,000)
 * @param lambdaRequest Lambda, per request ($0.20 per million)
 * @param lambdaGbSecondX86 Lambda x86_64, per GB-second
 * @param lambdaGbSecondArm Lambda arm64, per GB-second
 * @param writeRequestUnit DynamoDB on-demand, per write request unit ($0.625 per million)
 * @param readRequestUnit DynamoDB on-demand, per read request unit ($0.125 per million)
 * @param email SES outbound, per email ($0.10 per 1,000)
 * @param httpApiRequest API Gateway HTTP API, per request ($1.00 per million)
 * @param busEvent EventBridge, per custom event published ($1.00 per million)
 */
record Prices(
    double stateTransition,
    double lambdaRequest,
    double lambdaGbSecondX86,
    double lambdaGbSecondArm,
    double writeRequestUnit,
    double readRequestUnit,
    double email,
    double httpApiRequest,
    double busEvent) {

  /** When the prices below were taken from the pricing pages. */
  static final String RECORDED = "2026-12-03";

  /** US East (N. Virginia) list prices. */
  static Prices usEast1() {
    return new Prices(
        0.025 / 1_000,
        0.20 / 1_000_000,
        0.0000166667,
        0.0000133334,
        0.625 / 1_000_000,
        0.125 / 1_000_000,
        0.10 / 1_000,
        1.00 / 1_000_000,
        1.00 / 1_000_000);
  }
}
