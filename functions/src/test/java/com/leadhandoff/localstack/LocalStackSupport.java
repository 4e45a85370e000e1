package com.leadhandoff.localstack;

import java.util.Optional;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The LocalStack container the {@code -Plocalstack} tests share, and SDK clients pointed at it. The
 * image tag is pinned (docs/localstack.md says why and how to move it); {@code
 * LOCALSTACK_AUTH_TOKEN} from the environment is passed on, as LocalStack's images now ask for one.
 */
final class LocalStackSupport {
  /**
   * Pinned: a moving {@code latest} would change what these tests check from one run to the next.
   */
  static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.4.0");

  private LocalStackSupport() {}

  static LocalStackContainer container() {
    LocalStackContainer container =
        new LocalStackContainer(IMAGE).withServices(Service.DYNAMODB, Service.SES);
    Optional.ofNullable(System.getenv("LOCALSTACK_AUTH_TOKEN"))
        .filter(t -> !t.isBlank())
        .ifPresent(t -> container.withEnv("LOCALSTACK_AUTH_TOKEN", t));
    return container;
  }

  static DynamoDbClient dynamo(LocalStackContainer localstack) {
    return DynamoDbClient.builder()
        .endpointOverride(localstack.getEndpoint())
        .region(Region.of(localstack.getRegion()))
        .credentialsProvider(credentials(localstack))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  static SesV2Client ses(LocalStackContainer localstack) {
    return SesV2Client.builder()
        .endpointOverride(localstack.getEndpoint())
        .region(Region.of(localstack.getRegion()))
        .credentialsProvider(credentials(localstack))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  private static StaticCredentialsProvider credentials(LocalStackContainer localstack) {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(localstack.getAccessKey(), localstack.getSecretKey()));
  }
}
