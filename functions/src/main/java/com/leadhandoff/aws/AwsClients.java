package com.leadhandoff.aws;

import com.leadhandoff.priming.FunctionPriming;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * SDK clients, built once per container and shared by every handler in it. Region, credentials and
 * endpoints come from the SDK's standard settings ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL_*}
 * or their {@code aws.*} system properties), which is how the local runtime or LocalStack is
 * reached without a code path of its own. Building a client registers its SnapStart priming ({@link
 * FunctionPriming}), which runs only before a checkpoint.
 */
public final class AwsClients {
  private static final SdkHttpClient HTTP = UrlConnectionHttpClient.create();

  private AwsClients() {}

  private static final class Dynamo {
    static final DynamoDbClient CLIENT = DynamoDbClient.builder().httpClient(HTTP).build();

    static {
      FunctionPriming.dynamo();
    }
  }

  private static final class StepFunctions {
    static final SfnClient CLIENT = SfnClient.builder().httpClient(HTTP).build();

    static {
      FunctionPriming.stepFunctions();
    }
  }

  private static final class Ses {
    static final SesV2Client CLIENT = SesV2Client.builder().httpClient(HTTP).build();

    static {
      FunctionPriming.ses();
    }
  }

  private static final class EventBridge {
    static final EventBridgeClient CLIENT = EventBridgeClient.builder().httpClient(HTTP).build();

    static {
      FunctionPriming.eventBridge();
    }
  }

  /** The DynamoDB client. */
  public static DynamoDbClient dynamo() {
    return Dynamo.CLIENT;
  }

  /** The Step Functions client. */
  public static SfnClient stepFunctions() {
    return StepFunctions.CLIENT;
  }

  /** The EventBridge client, for lead events. */
  public static EventBridgeClient eventBridge() {
    return EventBridge.CLIENT;
  }

  /** The SES v2 client. */
  public static SesV2Client ses() {
    return Ses.CLIENT;
  }
}
