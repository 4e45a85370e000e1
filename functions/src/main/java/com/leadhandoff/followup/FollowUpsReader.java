package com.leadhandoff.followup;

import static com.leadhandoff.config.ConfigFile.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.config.ConfigFile;
import com.leadhandoff.routing.RuleCondition;
import com.leadhandoff.routing.RuleConditionReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and checks one follow-ups file, reporting every problem with its line, entry and fix. */
final class FollowUpsReader {
  private static final List<String> ROOT_KEYS = List.of("followUps", "default");
  private static final List<String> ENTRY_KEYS =
      List.of("id", "description", "when", "template", "campaign");
  private static final List<String> DEFAULT_KEYS = List.of("template", "campaign");
  private static final List<String> CAMPAIGN_KEYS = List.of("title", "link", "date", "offer");
  // A follow-up is chosen by what the form sent, not by who the lead is.
  private static final List<String> CONDITION_KEYS = List.of("formId", "utmCampaign", "utmSource");

  private final ConfigFile file;
  private final RuleConditionReader conditions;
  // Entry id → line it was first used on, to report duplicates.
  private final Map<String, Integer> ids = new HashMap<>();

  private FollowUpsReader(ConfigFile file) {
    this.file = file;
    this.conditions = new RuleConditionReader(file, CONDITION_KEYS);
  }

  /** The follow-ups in {@code text}, read from {@code name}; throws listing every problem. */
  static FollowUps read(String name, String text) {
    ConfigFile file = new ConfigFile(name, text, "follow-up", InvalidFollowUpsException::new);
    Optional<FollowUps> followUps = file.root().flatMap(new FollowUpsReader(file)::followUps);
    file.failIfProblems();
    return followUps.orElseThrow();
  }

  private Optional<FollowUps> followUps(JsonNode root) {
    if (!root.isObject()) {
      file.problem(
          "",
          Optional.empty(),
          "the file must be a mapping with `followUps:` (the entries) and `default:`");
      return Optional.empty();
    }
    file.unknownKeys(root, "", ROOT_KEYS, Optional.empty(), "at the top level");
    List<FollowUpRule> rules = new ArrayList<>();
    JsonNode list = root.get("followUps");
    if (list != null && !list.isNull() && !list.isArray()) {
      file.problem(
          "/followUps",
          Optional.empty(),
          "'followUps' must be a list of entries, each starting with `- id:` (was "
              + ConfigFile.shown(list)
              + ")");
    } else if (list != null) {
      for (int i = 0; i < list.size(); i++) {
        entry(list.get(i), "/followUps/" + i, i).ifPresent(rules::add);
      }
    }
    Optional<FollowUpRule> fallback = fallback(root.get("default"));
    return fallback.map(f -> new FollowUps(rules, f));
  }

  private Optional<FollowUpRule> entry(JsonNode node, String pointer, int index) {
    Optional<ConfigFile.Entry> entry =
        file.entry(
            node,
            pointer,
            "#" + (index + 1),
            "an entry must be a mapping with id, description, when, template and campaign");
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> id = entry.get().id();
    Optional<String> label = entry.get().label();
    int before = file.problemCount();
    file.unknownKeys(node, pointer, ENTRY_KEYS, label, "in an entry");
    id.ifPresentOrElse(
        i -> file.uniqueId(i, pointer, label, ids, "follow-up"),
        () ->
            file.missingText(
                node, pointer, "id", label, "give the entry a unique id such as 'webinar-2026'"));
    if (text(node, "description").isEmpty()) {
      file.missingText(
          node,
          pointer,
          "description",
          label,
          "add one line saying which leads get this follow-up, e.g. 'Downloads of the 2026"
              + " report'");
    }
    JsonNode when = node.get("when");
    List<RuleCondition> matching = List.of();
    if (when == null || when.isNull() || (when.isObject() && when.isEmpty())) {
      file.problem(
          when == null ? pointer : pointer + "/when",
          label,
          "the entry has no conditions, so it would take every lead; add one under 'when', e.g."
              + " when: {formId: [whitepaper]}, or put its template under `default:`");
    } else {
      matching = conditions.conditions(when, pointer, label);
    }
    Optional<String> template = template(node, pointer, label);
    Optional<Campaign> campaign = campaign(node, pointer, label, template);
    if (file.problemCount() > before) {
      return Optional.empty();
    }
    return Optional.of(new FollowUpRule(id.get(), matching, template.get(), campaign));
  }

  private Optional<FollowUpRule> fallback(JsonNode node) {
    Optional<String> label = Optional.of("default");
    if (node == null || node.isNull()) {
      file.problem(
          "",
          Optional.empty(),
          "'default' is missing; add `default: {template: intro}` for the leads no entry matches");
      return Optional.empty();
    }
    if (!node.isObject()) {
      file.problem(
          "/default",
          label,
          "'default' must be a mapping with template (and optionally campaign), e.g."
              + " default: {template: intro} (was "
              + ConfigFile.shown(node)
              + ")");
      return Optional.empty();
    }
    int before = file.problemCount();
    file.unknownKeys(
        node, "/default", DEFAULT_KEYS, label, "in the default (it has no id or when)");
    Optional<String> template = template(node, "/default", label);
    Optional<Campaign> campaign = campaign(node, "/default", label, template);
    if (file.problemCount() > before) {
      return Optional.empty();
    }
    return Optional.of(new FollowUpRule("default", List.of(), template.get(), campaign));
  }

  private Optional<String> template(JsonNode node, String pointer, Optional<String> label) {
    String known = String.join(", ", FollowUps.TEMPLATES);
    Optional<String> template = text(node, "template");
    if (template.isEmpty()) {
      file.missingText(
          node, pointer, "template", label, "name the introduction's template, one of: " + known);
      return Optional.empty();
    }
    if (!FollowUps.TEMPLATES.contains(template.get())) {
      file.problem(
          pointer + "/template",
          label,
          "unknown template '"
              + template.get()
              + "'; use one of "
              + known
              + " (the templates beside com.leadhandoff.email.EmailTemplates)");
      return Optional.empty();
    }
    return template;
  }

  private Optional<Campaign> campaign(
      JsonNode entry, String entryPointer, Optional<String> label, Optional<String> template) {
    JsonNode node = entry.get("campaign");
    String pointer = entryPointer + "/campaign";
    boolean needsLink = template.filter("intro-content"::equals).isPresent();
    boolean needsDate = template.filter("intro-event"::equals).isPresent();
    if (node == null || node.isNull()) {
      if (needsLink || needsDate) {
        file.problem(
            entryPointer + "/template",
            label,
            "template '"
                + template.get()
                + "' needs a `campaign:` with a title and "
                + (needsLink ? "the asset's link" : "the event's date")
                + ", or use template intro");
      }
      return Optional.empty();
    }
    if (!node.isObject()) {
      file.problem(
          pointer,
          label,
          "'campaign' must be a mapping with title and optionally link, date and offer (was "
              + ConfigFile.shown(node)
              + ")");
      return Optional.empty();
    }
    int before = file.problemCount();
    file.unknownKeys(node, pointer, CAMPAIGN_KEYS, label, "in 'campaign'");
    Optional<String> title = text(node, "title");
    if (title.isEmpty()) {
      file.missingText(
          node,
          pointer,
          "title",
          label,
          "name what the prospect asked for, as it reads after 'Thanks for requesting', e.g."
              + " 'the 2026 Lead Response Report'");
    }
    Optional<String> link = link(node, pointer, label);
    if (needsLink && link.isEmpty() && !node.has("link")) {
      file.problem(
          pointer,
          label,
          "template 'intro-content' hands over an asset: add its `link:` (https://…) to the"
              + " campaign");
    }
    Optional<LocalDate> date = date(node, pointer, label);
    if (needsDate && date.isEmpty() && !node.has("date")) {
      file.problem(
          pointer,
          label,
          "template 'intro-event' confirms an event: add its `date:` (YYYY-MM-DD) to the campaign");
    }
    Optional<String> offer = text(node, "offer");
    if (node.has("offer") && offer.isEmpty()) {
      file.missingText(
          node, pointer, "offer", label, "write what the prospect gets, or leave `offer:` out");
    }
    if (file.problemCount() > before) {
      return Optional.empty();
    }
    return Optional.of(new Campaign(title.get(), link, date, offer));
  }

  private Optional<String> link(JsonNode node, String pointer, Optional<String> label) {
    if (!node.has("link")) {
      return Optional.empty();
    }
    Optional<String> link = text(node, "link");
    String fix = "write the full address, e.g. https://www.example.com/reports/2026";
    if (link.isEmpty()) {
      file.missingText(node, pointer, "link", label, fix);
      return Optional.empty();
    }
    try {
      URI uri = new URI(link.get());
      if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return link;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    file.problem(
        pointer + "/link", label, "'link' " + link.get() + " is not an http(s) address; " + fix);
    return Optional.empty();
  }

  private Optional<LocalDate> date(JsonNode node, String pointer, Optional<String> label) {
    if (!node.has("date")) {
      return Optional.empty();
    }
    String written = file.written(pointer + "/date").orElse(ConfigFile.shown(node.get("date")));
    try {
      return Optional.of(LocalDate.parse(written.strip()));
    } catch (DateTimeParseException e) {
      file.problem(
          pointer + "/date",
          label,
          "'date' must be a day written YYYY-MM-DD, e.g. 2026-12-10 (was " + written + ")");
      return Optional.empty();
    }
  }
}
