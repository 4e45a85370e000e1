package com.leadhandoff.local.dynamo;

import com.leadhandoff.local.template.Table;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;

/** Creates the template's tables in a DynamoDB engine, leaving existing ones and their items. */
public final class Tables {
  private Tables() {}

  /** A client of the engine at {@code endpoint} that needs no AWS settings. */
  public static DynamoDbClient client(URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /**
   * True if the SDK's standard settings (environment, profile, system properties) give this process
   * AWS credentials and a region of its own.
   */
  public static boolean callerHasCredentials() {
    try {
      DefaultCredentialsProvider.builder().build().resolveCredentials();
      new DefaultAwsRegionProviderChain().getRegion();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** A client of {@code endpoint} with the caller's own region and credentials. */
  public static DynamoDbClient callerClient(URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /** Creates each table that does not exist yet; returns the names of those it created. */
  public static List<String> createMissing(DynamoDbClient dynamo, List<Table> tables) {
    Set<String> existing =
        new HashSet<>(dynamo.listTablesPaginator().tableNames().stream().toList());
    return tables.stream()
        .filter(t -> !existing.contains(t.name()))
        .peek(t -> create(dynamo, t))
        .map(Table::name)
        .toList();
  }

  private static void create(DynamoDbClient dynamo, Table table) {
    CreateTableRequest.Builder request =
        CreateTableRequest.builder()
            .tableName(table.name())
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(
                table.attributes().entrySet().stream()
                    .map(
                        a ->
                            AttributeDefinition.builder()
                                .attributeName(a.getKey())
                                .attributeType(a.getValue())
                                .build())
                    .toList())
            .keySchema(keys(table.keySchema()));
    if (!table.globalSecondaryIndexes().isEmpty()) {
      request.globalSecondaryIndexes(
          table.globalSecondaryIndexes().stream()
              .map(
                  i ->
                      GlobalSecondaryIndex.builder()
                          .indexName(i.name())
                          .keySchema(keys(i.keySchema()))
                          .projection(projection(i))
                          .build())
              .toList());
    }
    if (!table.localSecondaryIndexes().isEmpty()) {
      request.localSecondaryIndexes(
          table.localSecondaryIndexes().stream()
              .map(
                  i ->
                      LocalSecondaryIndex.builder()
                          .indexName(i.name())
                          .keySchema(keys(i.keySchema()))
                          .projection(projection(i))
                          .build())
              .toList());
    }
    dynamo.createTable(request.build());
    table
        .ttlAttribute()
        .ifPresent(
            attribute ->
                dynamo.updateTimeToLive(
                    r ->
                        r.tableName(table.name())
                            .timeToLiveSpecification(
                                s -> s.attributeName(attribute).enabled(true))));
  }

  private static List<KeySchemaElement> keys(List<Table.Key> keys) {
    return keys.stream()
        .map(
            k ->
                KeySchemaElement.builder()
                    .attributeName(k.attributeName())
                    .keyType(k.keyType())
                    .build())
        .toList();
  }

  private static Projection projection(Table.Index index) {
    Projection.Builder projection = Projection.builder().projectionType(index.projectionType());
    if (!index.nonKeyAttributes().isEmpty()) {
      projection.nonKeyAttributes(index.nonKeyAttributes());
    }
    return projection.build();
  }
}
