package com.leadhandoff.local.bench.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.leadhandoff.aws.AwsClients;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The SDK baseline of {@link ColdStartBenchmark}: one PutItem to {@code LEADS_TABLE} through the
 * functions' own DynamoDB client ({@link AwsClients}, built at init as the handlers build it).
 */
public final class OnePutItemHandler implements RequestStreamHandler {
  private final DynamoDbClient dynamo = AwsClients.dynamo();
  private final String table = System.getenv("LEADS_TABLE");

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    dynamo.putItem(
        p ->
            p.tableName(table)
                .item(
                    Map.of(
                        "leadId",
                        AttributeValue.fromS("cold-start-" + UUID.randomUUID()),
                        "status",
                        AttributeValue.fromS("BENCH"))));
    output.write("{}".getBytes(StandardCharsets.UTF_8));
  }
}
