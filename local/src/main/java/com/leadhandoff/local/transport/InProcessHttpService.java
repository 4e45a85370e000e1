package com.leadhandoff.local.transport;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpService;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The {@link InProcessHttpClient} as an SDK HTTP service, with the URL-connection client for
 * everything else: what the local runtime names in {@code AwsClients.HTTP_SERVICE_PROPERTY} so the
 * functions' SDK clients reach the runtime's own services without a socket.
 */
public final class InProcessHttpService implements SdkHttpService {
  @Override
  public SdkHttpClient.Builder createHttpClientBuilder() {
    return serviceDefaults ->
        new InProcessHttpClient(
            UrlConnectionHttpClient.builder().buildWithDefaults(serviceDefaults));
  }
}
