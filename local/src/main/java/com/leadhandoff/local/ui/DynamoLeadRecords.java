package com.leadhandoff.local.ui;

import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.local.template.Table;
import com.leadhandoff.offer.Offer;
import com.leadhandoff.store.DynamoLeadHistory;
import com.leadhandoff.store.DynamoLeadStore;
import com.leadhandoff.store.DynamoOfferStore;
import com.leadhandoff.store.ItemCodec;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The leads as the product stored them, read through the product's own DynamoDB stores. The board
 * scans the Leads table: fine for the few hundred leads of a laptop, and the only read here that
 * the deployed product must never make.
 */
public final class DynamoLeadRecords implements LeadRecords {
  private final DynamoDbClient dynamo;
  private final String leadsTable;
  private final DynamoLeadStore leads;
  private final DynamoOfferStore offers;
  private final DynamoLeadHistory history;

  private DynamoLeadRecords(DynamoDbClient dynamo, String leads, String offers, String history) {
    this.dynamo = dynamo;
    this.leadsTable = leads;
    this.leads = new DynamoLeadStore(dynamo, leads);
    this.offers = new DynamoOfferStore(dynamo, offers);
    this.history = new DynamoLeadHistory(dynamo, history);
  }

  /**
   * The records in the tables the template declares as {@code LeadsTable}, {@code OffersTable} and
   * {@code HistoryTable}; none when it lacks one of them (a template other than the product's).
   *
   * @param dynamo a client of the DynamoDB the runtime serves or points at
   */
  public static LeadRecords of(DynamoDbClient dynamo, List<Table> tables) {
    Map<String, String> names =
        tables.stream().collect(Collectors.toMap(Table::logicalId, Table::name, (a, b) -> a));
    if (!names.keySet().containsAll(List.of("LeadsTable", "OffersTable", "HistoryTable"))) {
      return LeadRecords.none();
    }
    return new DynamoLeadRecords(
        dynamo, names.get("LeadsTable"), names.get("OffersTable"), names.get("HistoryTable"));
  }

  @Override
  public List<LeadRecord> all() {
    return dynamo.scanPaginator(r -> r.tableName(leadsTable).consistentRead(true)).items().stream()
        .map(item -> ItemCodec.fromItem(item, Lead.class))
        .sorted(Comparator.comparing(Lead::receivedAt).reversed())
        .map(this::withOffers)
        .toList();
  }

  @Override
  public Optional<LeadRecord> find(String leadId) {
    return leads.find(leadId).map(this::withOffers);
  }

  @Override
  public List<HistoryEvent> history(String leadId) {
    return history.of(leadId).stream().sorted(Comparator.comparing(HistoryEvent::at)).toList();
  }

  private LeadRecord withOffers(Lead lead) {
    return new LeadRecord(
        lead,
        offers.forLead(lead.leadId()).stream()
            .sorted(Comparator.comparingInt(Offer::attempt))
            .toList());
  }
}
