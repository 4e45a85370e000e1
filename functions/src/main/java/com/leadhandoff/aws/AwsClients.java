package com.leadhandoff.aws;

import com.leadhandoff.priming.FunctionPriming;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpService;
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
 *
 * <p>Every client sends its requests through the URL-connection HTTP client, unless the system
 * property {@value #HTTP_SERVICE_PROPERTY} names another {@link SdkHttpService}: the local runtime
 * sets it to hand calls to its own services over in-process; Lambda never does.
 */
public final class AwsClients {
  /**
   * The system property naming an {@link SdkHttpService} class (public, no-arg constructor) whose
   * client replaces the URL-connection client; read once, when the first client is asked for.
   */
  public static final String HTTP_SERVICE_PROPERTY = "leadhandoff.sdkHttpService";

  private static final SdkHttpClient HTTP = httpClient(System.getProperty(HTTP_SERVICE_PROPERTY));

  private AwsClients() {}

  /** The URL-connection client, or the client of the {@link SdkHttpService} {@code service}. */
  static SdkHttpClient httpClient(String service) {
    if (service == null || service.isBlank()) {
      return UrlConnectionHttpClient.create();
    }
    try {
      return Class.forName(service.trim(), true, AwsClients.class.getClassLoader())
          .asSubclass(SdkHttpService.class)
          .getConstructor()
          .newInstance()
          .createHttpClientBuilder()
          .build();
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException(
          HTTP_SERVICE_PROPERTY
              + " names "
              + service
              + ", which is not an SdkHttpService with a public no-arg constructor: "
              + e,
          e);
    }
  }

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
