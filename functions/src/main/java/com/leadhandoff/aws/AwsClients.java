package com.leadhandoff.aws;

import com.leadhandoff.priming.FunctionPriming;
import java.util.function.Supplier;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpService;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
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
 * sets it to hand calls to its own services over in-process; Lambda never does. Likewise {@value
 * #AUTH_SCHEME_PROPERTY} may name an {@link AuthScheme} that replaces the client's own scheme of
 * the same id (the local runtime's leaves the calls it serves in-process unsigned); Lambda never
 * sets it either, and the clients sign with SigV4 as built.
 */
public final class AwsClients {
  /**
   * The system property naming an {@link SdkHttpService} class (public, no-arg constructor) whose
   * client replaces the URL-connection client; read once, when the first client is asked for.
   */
  public static final String HTTP_SERVICE_PROPERTY = "leadhandoff.sdkHttpService";

  /**
   * The system property naming an {@link AuthScheme} class (public, no-arg constructor) that every
   * client uses in place of its own scheme with the same id; read once, when the first client is
   * asked for.
   */
  public static final String AUTH_SCHEME_PROPERTY = "leadhandoff.sdkAuthScheme";

  private static final SdkHttpClient HTTP = httpClient(System.getProperty(HTTP_SERVICE_PROPERTY));
  private static final AuthScheme<?> AUTH = authScheme(System.getProperty(AUTH_SCHEME_PROPERTY));

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

  /** No scheme (the clients' own) if {@code scheme} is unset, else an instance of that class. */
  static AuthScheme<?> authScheme(String scheme) {
    if (scheme == null || scheme.isBlank()) {
      return null;
    }
    try {
      return Class.forName(scheme.trim(), true, AwsClients.class.getClassLoader())
          .asSubclass(AuthScheme.class)
          .getConstructor()
          .newInstance();
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException(
          AUTH_SCHEME_PROPERTY
              + " names "
              + scheme
              + ", which is not an AuthScheme with a public no-arg constructor: "
              + e,
          e);
    }
  }

  /** {@code builder} with the {@link #AUTH_SCHEME_PROPERTY} scheme, if one is named. */
  private static <B extends SdkClientBuilder<B, ?>> B signing(B builder) {
    return AUTH == null ? builder : builder.putAuthScheme(AUTH);
  }

  private static final class Dynamo {
    static final DynamoDbClient CLIENT = signing(DynamoDbClient.builder().httpClient(HTTP)).build();

    static {
      FunctionPriming.dynamo();
    }
  }

  private static final class StepFunctions {
    static final SfnClient CLIENT = signing(SfnClient.builder().httpClient(HTTP)).build();

    static {
      FunctionPriming.stepFunctions();
    }
  }

  private static final class Ses {
    static final SesV2Client CLIENT = signing(SesV2Client.builder().httpClient(HTTP)).build();

    static {
      FunctionPriming.ses();
    }
  }

  private static final class EventBridge {
    static final EventBridgeClient CLIENT =
        signing(EventBridgeClient.builder().httpClient(HTTP)).build();

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

  /**
   * The Step Functions client for a function that seldom calls it (Offer To Rep only for a
   * reminder): built on the first call instead of at init, where a cold start without SnapStart
   * would pay for it on every first request. Its priming is registered now, and the client is built
   * before a checkpoint too, so a SnapStart version has it ready as with {@link #stepFunctions()}.
   */
  public static Supplier<SfnClient> stepFunctionsOnFirstUse() {
    FunctionPriming.stepFunctionsOnFirstUse(AwsClients::stepFunctions);
    return AwsClients::stepFunctions;
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
