package com.leadhandoff.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * A DynamoDB client that notes each request it sends, as {@code "<Operation> <table>"} with the
 * table's logical id from {@code template.yaml} (a transaction names its tables in order, joined by
 * {@code +}), then sends it to the test engine.
 */
public final class CountedDynamo {
  private CountedDynamo() {}

  /**
   * @param tables logical id → table name, as {@link TestDynamo#tables()} returns them
   * @param requests where each request is noted as it is sent
   */
  public static DynamoDbClient of(Map<String, String> tables, List<String> requests) {
    DynamoDbClient real = TestDynamo.client();
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getName().endsWith("Paginator")
              || (args != null && args.length == 1 && args[0] instanceof Consumer)) {
            // Runs on the proxy: each request it builds, or page it fetches, is noted below.
            return InvocationHandler.invokeDefault(proxy, method, args);
          }
          if (args != null && args.length == 1 && args[0] instanceof DynamoDbRequest request) {
            String operation =
                Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1);
            requests.add(operation + " " + tablesOf(request, tables));
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return (DynamoDbClient)
        Proxy.newProxyInstance(
            DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, handler);
  }

  private static String tablesOf(DynamoDbRequest request, Map<String, String> tables) {
    if (request instanceof TransactWriteItemsRequest transaction) {
      TreeSet<String> names = new TreeSet<>();
      for (TransactWriteItem item : transaction.transactItems()) {
        String name =
            item.put() != null
                ? item.put().tableName()
                : item.update() != null
                    ? item.update().tableName()
                    : item.delete() != null
                        ? item.delete().tableName()
                        : item.conditionCheck().tableName();
        names.add(logical(name, tables));
      }
      return String.join("+", names);
    }
    if (request instanceof BatchGetItemRequest batch) {
      TreeSet<String> names = new TreeSet<>();
      batch.requestItems().keySet().forEach(name -> names.add(logical(name, tables)));
      return String.join("+", names);
    }
    return request
        .getValueForField("TableName", String.class)
        .map(name -> logical(name, tables))
        .orElse("");
  }

  private static String logical(String name, Map<String, String> tables) {
    return tables.entrySet().stream()
        .filter(e -> e.getValue().equals(name))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(name);
  }
}
