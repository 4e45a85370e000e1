package com.leadhandoff.testing;

import com.leadhandoff.dynamodb.DynamoDbEngine;
import com.leadhandoff.dynamodb.DynamoDbServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;

/**
 * Our DynamoDB engine ({@code dynamodb-engine}), in memory in this JVM and served on a free
 * localhost port, reached by the real SDK client over HTTP, with the tables {@code template.yaml}
 * declares. Each {@link #tables()} call creates a fresh, uniquely named set so tests never see each
 * other's items. Tables are read from the template so they are declared exactly once.
 */
public final class TestDynamo {
  /** One engine for the whole test JVM; it starts in milliseconds and lives as long as the JVM. */
  private static final DynamoDbServer SERVER = DynamoDbEngine.inMemory(Clock.systemUTC()).serve(0);

  private static final DynamoDbClient CLIENT =
      DynamoDbClient.builder()
          .endpointOverride(SERVER.endpoint())
          .region(Region.US_EAST_1)
          .credentialsProvider(
              StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
          .httpClient(UrlConnectionHttpClient.create())
          .build();

  private TestDynamo() {}

  /** The client of the shared in-memory engine. */
  public static DynamoDbClient client() {
    return CLIENT;
  }

  /** Creates every table of the template under fresh names; returns logical id → table name. */
  public static Map<String, String> tables() {
    return tablesOn(CLIENT);
  }

  /**
   * Creates every table of the template under fresh names on {@code dynamo} (any DynamoDB: this
   * engine, LocalStack, a region); returns logical id → table name.
   */
  public static Map<String, String> tablesOn(DynamoDbClient dynamo) {
    String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
    Map<String, String> names = new HashMap<>();
    templateTables()
        .forEach(
            (logicalId, properties) -> {
              String name = prefix + logicalId;
              create(dynamo, name, properties);
              names.put(logicalId, name);
            });
    return names;
  }

  /**
   * Every item of every table in {@code tables} (as {@link #tables()} returns them), by logical id,
   * read consistently and in a stable order: two snapshots are equal when nothing was written.
   */
  public static Map<String, List<Map<String, AttributeValue>>> everything(
      Map<String, String> tables) {
    Map<String, List<Map<String, AttributeValue>>> all = new TreeMap<>();
    tables.forEach(
        (logicalId, table) ->
            all.put(
                logicalId,
                CLIENT.scanPaginator(r -> r.tableName(table).consistentRead(true)).items().stream()
                    .map(Map::copyOf)
                    .sorted(Comparator.comparing(Object::toString))
                    .toList()));
    return all;
  }

  /** The repository's root folder (the parent of {@code functions/}). */
  public static Path projectRoot() {
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("template.yaml")) ? here : here.getParent();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> templateTables() {
    Map<String, Object> template;
    try (InputStream in = Files.newInputStream(projectRoot().resolve("template.yaml"))) {
      template = new Yaml(new CloudFormationTags()).load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Map<String, Object>> tables = new HashMap<>();
    ((Map<String, Map<String, Object>>) template.get("Resources"))
        .forEach(
            (id, resource) -> {
              if ("AWS::DynamoDB::Table".equals(resource.get("Type"))) {
                tables.put(id, (Map<String, Object>) resource.get("Properties"));
              }
            });
    return tables;
  }

  @SuppressWarnings("unchecked")
  private static void create(DynamoDbClient dynamo, String name, Map<String, Object> properties) {
    List<Map<String, String>> attributes =
        (List<Map<String, String>>) properties.get("AttributeDefinitions");
    List<Map<String, Object>> indexes =
        (List<Map<String, Object>>) properties.getOrDefault("GlobalSecondaryIndexes", List.of());
    dynamo.createTable(
        r ->
            r.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    attributes.stream()
                        .map(
                            a ->
                                AttributeDefinition.builder()
                                    .attributeName(a.get("AttributeName"))
                                    .attributeType(a.get("AttributeType"))
                                    .build())
                        .toList())
                .keySchema(keySchema(properties.get("KeySchema")))
                .globalSecondaryIndexes(
                    indexes.isEmpty()
                        ? null
                        : indexes.stream()
                            .map(
                                i ->
                                    GlobalSecondaryIndex.builder()
                                        .indexName((String) i.get("IndexName"))
                                        .keySchema(keySchema(i.get("KeySchema")))
                                        .projection(p -> p.projectionType("ALL"))
                                        .build())
                            .toList()));
  }

  @SuppressWarnings("unchecked")
  private static List<software.amazon.awssdk.services.dynamodb.model.KeySchemaElement> keySchema(
      Object schema) {
    return ((List<Map<String, String>>) schema)
        .stream()
            .map(
                k ->
                    software.amazon.awssdk.services.dynamodb.model.KeySchemaElement.builder()
                        .attributeName(k.get("AttributeName"))
                        .keyType(k.get("KeyType"))
                        .build())
            .toList();
  }

  /** Reads CloudFormation short tags ({@code !Ref X}) as their long form ({@code {Ref: X}}). */
  private static final class CloudFormationTags extends SafeConstructor {
    CloudFormationTags() {
      super(new LoaderOptions());
      for (String tag :
          List.of(
              "Ref",
              "Condition",
              "GetAtt",
              "Sub",
              "If",
              "Equals",
              "Not",
              "And",
              "Or",
              "Join",
              "Select",
              "Split",
              "FindInMap",
              "Base64",
              "GetAZs",
              "ImportValue",
              "Cidr")) {
        String longName = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
        yamlConstructors.put(
            new Tag("!" + tag),
            new AbstractConstruct() {
              @Override
              public Object construct(Node node) {
                Object value =
                    node instanceof ScalarNode scalar
                        ? scalar.getValue()
                        : node.getNodeId() == org.yaml.snakeyaml.nodes.NodeId.sequence
                            ? constructSequence((org.yaml.snakeyaml.nodes.SequenceNode) node)
                            : constructMapping((org.yaml.snakeyaml.nodes.MappingNode) node);
                return Map.of(longName, value);
              }
            });
      }
    }
  }
}
