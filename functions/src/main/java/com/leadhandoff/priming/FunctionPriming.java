package com.leadhandoff.priming;

import java.util.function.Supplier;

/**
 * What each function registers as it builds its SDK clients at init: config and Jackson once, then
 * each SDK service it uses. {@code AwsClients} calls these; nothing here runs before a checkpoint.
 */
public final class FunctionPriming {
  private static final SdkPriming SDK = new SdkPriming(new CannedHttpClient());

  static {
    Priming.register("config", ConfigPriming::loadBundled);
    Priming.register("jackson", JsonPriming::roundTrip);
    Priming.register("lean json", JsonPriming::leanRoundTrip);
  }

  private FunctionPriming() {}

  /** The function uses DynamoDB. */
  public static void dynamo() {
    Priming.register("dynamodb", SDK::dynamo);
  }

  /** The function uses Step Functions. */
  public static void stepFunctions() {
    Priming.register("stepfunctions", SDK::stepFunctions);
  }

  /**
   * The function uses Step Functions, through a client it builds on first use: {@code client}
   * builds it before the checkpoint (whose own registration then comes too late for this pass, so
   * the service is primed here).
   */
  public static void stepFunctionsOnFirstUse(Supplier<?> client) {
    stepFunctions();
    Priming.register("stepfunctions client", client::get);
  }

  /** The function uses SES. */
  public static void ses() {
    Priming.register("sesv2", SDK::ses);
  }

  /** The function uses EventBridge. */
  public static void eventBridge() {
    Priming.register("eventbridge", SDK::eventBridge);
  }
}
