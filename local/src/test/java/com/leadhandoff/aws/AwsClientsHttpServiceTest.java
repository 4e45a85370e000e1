package com.leadhandoff.aws;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.transport.InProcessHttpClient;
import com.leadhandoff.local.transport.InProcessHttpService;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The functions' HTTP client choice ({@link AwsClients#HTTP_SERVICE_PROPERTY}), tested here beside
 * the local runtime that sets it: unset, as on Lambda, the URL-connection client; set, the named
 * service's client; a wrong name stops the function's init with what is wrong.
 */
class AwsClientsHttpServiceTest {
  @Test
  void unset_isTheUrlConnectionClient_asOnLambda() {
    try (SdkHttpClient client = AwsClients.httpClient(null)) {
      assertInstanceOf(UrlConnectionHttpClient.class, client);
    }
    try (SdkHttpClient client = AwsClients.httpClient(" ")) {
      assertInstanceOf(UrlConnectionHttpClient.class, client);
    }
  }

  @Test
  void theRuntimesService_givesItsInProcessClient() {
    try (SdkHttpClient client = AwsClients.httpClient(InProcessHttpService.class.getName())) {
      assertInstanceOf(InProcessHttpClient.class, client);
    }
  }

  @Test
  void aClassThatIsNoHttpService_isRefusedNamingTheProperty() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> AwsClients.httpClient(String.class.getName()));
    assertTrue(
        e.getMessage().startsWith("leadhandoff.sdkHttpService names java.lang.String"),
        e.getMessage());

    IllegalStateException missing =
        assertThrows(IllegalStateException.class, () -> AwsClients.httpClient("no.such.Service"));
    assertTrue(missing.getMessage().contains("no.such.Service"), missing.getMessage());
  }
}
