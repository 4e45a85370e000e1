package com.leadhandoff.local;

import com.leadhandoff.aws.AwsClients;
import com.leadhandoff.local.template.LocalNames;
import com.leadhandoff.local.transport.InProcessAuthScheme;
import com.leadhandoff.local.transport.InProcessHttpService;
import com.leadhandoff.local.transport.SdkTransport;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Points every default AWS SDK v2 client in this JVM at the local services, through the system
 * property form of the SDK's standard settings ({@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID},
 * {@code AWS_ENDPOINT_URL_DYNAMODB}, …). The functions' own clients, built with no code path of
 * their own, then reach the local runtime. The previous values are restored on {@link #restore}.
 */
final class SdkSettings {
  /** System property names the SDK (2.40) reads for each service's endpoint. */
  static final String DYNAMODB_ENDPOINT = "aws.endpointUrlDynamoDb";

  static final String SFN_ENDPOINT = "aws.endpointUrlSfn";
  static final String SESV2_ENDPOINT = "aws.endpointUrlSesV2";
  static final String EVENTBRIDGE_ENDPOINT = "aws.endpointUrlEventBridge";

  private final Map<String, String> previous = new LinkedHashMap<>();

  /**
   * Sets the four endpoints, the functions' HTTP transport and signing and, unless {@code
   * callerCredentials} (an external DynamoDB reached with the caller's own AWS region and
   * credentials), the local region and dummy credentials.
   */
  void apply(
      String region,
      URI dynamo,
      URI stepFunctions,
      URI ses,
      URI eventBridge,
      boolean callerCredentials,
      SdkTransport transport) {
    // Read once per JVM, when the functions' clients are first asked for (as once per container).
    // The calls handed over in-process go unsigned; those that leave the JVM are signed as before.
    if (transport == SdkTransport.IN_PROCESS) {
      set(AwsClients.HTTP_SERVICE_PROPERTY, InProcessHttpService.class.getName());
      set(AwsClients.AUTH_SCHEME_PROPERTY, InProcessAuthScheme.class.getName());
    } else {
      clear(AwsClients.HTTP_SERVICE_PROPERTY);
      clear(AwsClients.AUTH_SCHEME_PROPERTY);
    }
    if (!callerCredentials) {
      set("aws.region", region);
      set("aws.accessKeyId", LocalNames.ACCESS_KEY_ID);
      set("aws.secretAccessKey", LocalNames.SECRET_ACCESS_KEY);
    }
    set(DYNAMODB_ENDPOINT, dynamo.toString());
    set(SFN_ENDPOINT, stepFunctions.toString());
    set(SESV2_ENDPOINT, ses.toString());
    set(EVENTBRIDGE_ENDPOINT, eventBridge.toString());
  }

  /** Puts back what was there before {@link #apply}. */
  void restore() {
    previous.forEach(
        (name, value) -> {
          if (value == null) {
            System.clearProperty(name);
          } else {
            System.setProperty(name, value);
          }
        });
    previous.clear();
  }

  private void set(String name, String value) {
    previous.putIfAbsent(name, System.getProperty(name));
    System.setProperty(name, value);
  }

  private void clear(String name) {
    previous.putIfAbsent(name, System.getProperty(name));
    System.clearProperty(name);
  }
}
