package com.leadhandoff.local.template;

/** The region, account and ARNs the local runtime uses in place of a real deployment's. */
public final class LocalNames {
  /** The region every local resource lives in. */
  public static final String REGION = "us-east-1";

  /** The account id every local ARN carries (LocalStack's, so tools recognise it). */
  public static final String ACCOUNT_ID = "000000000000";

  /**
   * The credentials every local SDK client uses, and the only ones the local API accepts on its
   * IAM-authorized routes.
   */
  public static final String ACCESS_KEY_ID = "local";

  /** The secret of {@link #ACCESS_KEY_ID}, which SigV4 signatures are checked with. */
  public static final String SECRET_ACCESS_KEY = "local";

  private LocalNames() {}

  /** The ARN of a function named {@code name}. */
  public static String functionArn(String name) {
    return "arn:aws:lambda:" + REGION + ":" + ACCOUNT_ID + ":function:" + name;
  }

  /** The ARN of a state machine named {@code name}. */
  public static String stateMachineArn(String name) {
    return "arn:aws:states:" + REGION + ":" + ACCOUNT_ID + ":stateMachine:" + name;
  }

  /** The ARN of a table named {@code name}. */
  public static String tableArn(String name) {
    return "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT_ID + ":table/" + name;
  }

  /**
   * The function name in {@code nameOrArn}: a plain name, a full function ARN, or either with a
   * version or alias qualifier, as Lambda's Invoke accepts.
   */
  public static String functionName(String nameOrArn) {
    String[] parts = nameOrArn.split(":");
    if (parts.length >= 7 && parts[0].equals("arn")) {
      return parts[6];
    }
    // "name:qualifier"
    return parts[0];
  }
}
