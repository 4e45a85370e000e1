package com.leadhandoff.local.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.Projects;
import com.leadhandoff.local.template.Template;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class TablesTest {
  @Test
  void realTemplate_tablesAreCreatedWithKeysIndexesAndTtl_once() {
    Template template = Template.read(Projects.root().resolve("template.yaml"), Map.of());
    try (LocalDynamo dynamo = LocalDynamo.start(Optional.empty(), Clock.systemUTC());
        DynamoDbClient client = Tables.client(dynamo.endpoint())) {
      // WHEN the template's tables are created twice
      List<String> created = Tables.createMissing(client, template.tables());
      List<String> again = Tables.createMissing(client, template.tables());

      // THEN all ten exist once, with the declared keys, indexes and TTL
      assertEquals(11, created.size());
      assertEquals(List.of(), again);
      TableDescription offers = client.describeTable(r -> r.tableName("OffersTable")).table();
      assertEquals(2, offers.keySchema().size());
      assertEquals("byTokenHash", offers.globalSecondaryIndexes().get(0).indexName());
      TableDescription reps = client.describeTable(r -> r.tableName("RepsTable")).table();
      assertEquals("byTeam", reps.globalSecondaryIndexes().get(0).indexName());
      assertEquals(
          TimeToLiveStatus.ENABLED,
          client
              .describeTimeToLive(r -> r.tableName("IntakeKeysTable"))
              .timeToLiveDescription()
              .timeToLiveStatus());
      assertTrue(client.listTables().tableNames().contains("HistoryTable"));
    }
  }
}
