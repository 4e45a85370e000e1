package com.leadhandoff.ownership;

import static com.leadhandoff.config.ConfigFile.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.config.ConfigFile;
import com.leadhandoff.routing.DirectoryConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads and checks one accounts file. The whole file is checked before anything is reported, so one
 * build shows revenue ops every mistake, each with its line, account and fix.
 */
final class AccountsReader {
  private static final List<String> ROOT_KEYS = List.of("accounts", "freeMailDomains");
  private static final List<String> ACCOUNT_KEYS = List.of("name", "domains", "owner");
  private static final Pattern DOMAIN =
      Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,62}");

  private final ConfigFile file;
  private final Set<String> repIds;
  private final Set<String> freeMail = new LinkedHashSet<>();
  // Domain → the account that listed it first, and its line; account name → its line.
  private final Map<String, String> domainOwners = new HashMap<>();
  private final Map<String, Integer> domainLines = new HashMap<>();
  private final Map<String, Integer> names = new HashMap<>();

  private AccountsReader(ConfigFile file, Set<String> repIds) {
    this.file = file;
    this.repIds = new TreeSet<>(repIds);
  }

  /** The accounts in {@code text}, read from {@code name}; throws listing every problem. */
  static Accounts read(String name, String text, Set<String> repIds) {
    ConfigFile file = new ConfigFile(name, text, "account", InvalidAccountsException::new);
    Optional<Accounts> accounts = file.root().flatMap(new AccountsReader(file, repIds)::accounts);
    file.failIfProblems();
    return accounts.orElseThrow();
  }

  private Optional<Accounts> accounts(JsonNode root) {
    if (root.isMissingNode() || root.isNull()) {
      file.problem(
          "",
          Optional.empty(),
          "the file is empty; it needs `accounts:` (`accounts: []` for none)");
      return Optional.empty();
    }
    if (!root.isObject()) {
      file.problem(
          "", Optional.empty(), "the file must be a mapping with accounts and freeMailDomains");
      return Optional.empty();
    }
    file.unknownKeys(root, "", ROOT_KEYS, Optional.empty(), "at the top level");
    // Free-mail domains first: an account may not claim one, wherever in the file it is listed.
    freeMailDomains(root.get("freeMailDomains"));
    List<Account> accounts = new ArrayList<>();
    JsonNode list = root.get("accounts");
    if (list == null || list.isNull()) {
      file.problem(
          "",
          Optional.empty(),
          "'accounts' is missing; list the accounts under `accounts:`, or write `accounts: []`");
    } else if (!list.isArray()) {
      file.problem(
          "/accounts",
          Optional.empty(),
          "'accounts' must be a list of accounts, each starting with `- name:` (was "
              + ConfigFile.shown(list)
              + ")");
    } else {
      for (int i = 0; i < list.size(); i++) {
        account(list.get(i), "/accounts/" + i, i).ifPresent(accounts::add);
      }
    }
    return Optional.of(new Accounts(accounts, freeMail));
  }

  private void freeMailDomains(JsonNode node) {
    if (node == null || node.isNull()) {
      return;
    }
    if (!node.isArray()) {
      file.problem(
          "/freeMailDomains",
          Optional.empty(),
          "'freeMailDomains' must be a list of domains, e.g. [gmail.com, outlook.com] (was "
              + ConfigFile.shown(node)
              + ")");
      return;
    }
    for (int i = 0; i < node.size(); i++) {
      domain(node.get(i), "/freeMailDomains/" + i, Optional.empty()).ifPresent(freeMail::add);
    }
  }

  private Optional<Account> account(JsonNode node, String pointer, int index) {
    String position = "#" + (index + 1);
    if (!node.isObject()) {
      file.problem(
          pointer,
          Optional.of(position),
          "an account must be a mapping with name, domains and owner (was "
              + ConfigFile.shown(node)
              + ")");
      return Optional.empty();
    }
    Optional<String> name = text(node, "name");
    // Problems name the account by name when it has one, by position otherwise.
    Optional<String> label = Optional.of(name.map(n -> "'" + n + "'").orElse(position));
    int problemsBefore = file.problemCount();
    file.unknownKeys(node, pointer, ACCOUNT_KEYS, label, "in an account");
    name.ifPresentOrElse(
        n -> checkName(n, pointer, label),
        () ->
            file.missingText(
                node, pointer, "name", label, "give the company's name as reps know it"));
    List<String> domains = domains(node, pointer, label, name.orElse(position));
    Optional<String> owner = owner(node, pointer, label);
    if (file.problemCount() > problemsBefore) {
      return Optional.empty();
    }
    return Optional.of(new Account(name.get(), domains, owner.get()));
  }

  private void checkName(String name, String pointer, Optional<String> label) {
    Integer first =
        names.putIfAbsent(name.toLowerCase(Locale.ROOT), file.line(pointer + "/name").orElse(0));
    if (first != null) {
      file.problem(
          pointer + "/name",
          label,
          "duplicate account name; it is already used"
              + (first > 0 ? " on line " + first : "")
              + ": merge the two accounts or rename one");
    }
  }

  private List<String> domains(
      JsonNode node, String pointer, Optional<String> label, String accountName) {
    JsonNode list = node.get("domains");
    if (list == null || list.isNull() || (list.isArray() && list.isEmpty())) {
      file.problem(
          pointer + (node.has("domains") ? "/domains" : ""),
          label,
          "'domains' is missing; list the company's email domains, e.g. domains: [acme.com]");
      return List.of();
    }
    if (!list.isArray()) {
      file.problem(
          pointer + "/domains",
          label,
          "'domains' must be a list, e.g. domains: [acme.com] (was "
              + ConfigFile.shown(list)
              + ")");
      return List.of();
    }
    List<String> domains = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = pointer + "/domains/" + i;
      Optional<String> domain = domain(list.get(i), at, label);
      if (domain.isEmpty()) {
        continue;
      }
      String d = domain.get();
      if (freeMail.contains(d)) {
        file.problem(
            at,
            label,
            "'"
                + d
                + "' is a free-mail domain (freeMailDomains), which no company owns; remove it"
                + " from the account");
        continue;
      }
      String earlier = domainOwners.putIfAbsent(d, accountName);
      if (earlier != null) {
        Integer line = domainLines.get(d);
        file.problem(
            at,
            label,
            "domain '"
                + d
                + "' already belongs to account "
                + earlier
                + (line != null && line > 0 ? " (line " + line + ")" : "")
                + "; a domain can have only one owner");
        continue;
      }
      domainLines.put(d, file.line(at).orElse(0));
      domains.add(d);
    }
    return domains;
  }

  /** One domain, lower-cased; a problem when it is not a plain domain name. */
  private Optional<String> domain(JsonNode node, String pointer, Optional<String> label) {
    if (!node.isTextual() || node.asText().isBlank()) {
      file.problem(
          pointer, label, "a domain must be text such as acme.com (was " + shown(node) + ")");
      return Optional.empty();
    }
    String written = node.asText().strip();
    String domain = written.toLowerCase(Locale.ROOT);
    if (domain.contains("@")) {
      file.problem(
          pointer,
          label,
          "'"
              + written
              + "' is an email address; write only the part after the @ ("
              + domain.substring(domain.lastIndexOf('@') + 1)
              + ")");
      return Optional.empty();
    }
    if (domain.startsWith("www.") || domain.contains("://")) {
      file.problem(
          pointer,
          label,
          "'"
              + written
              + "' looks like a web address; write the email domain, e.g. acme.com, without"
              + " http:// or www.");
      return Optional.empty();
    }
    if (!DOMAIN.matcher(domain).matches()) {
      file.problem(
          pointer,
          label,
          "'" + written + "' is not a domain name; write it as in an email address, e.g. acme.com");
      return Optional.empty();
    }
    return Optional.of(domain);
  }

  private Optional<String> owner(JsonNode node, String pointer, Optional<String> label) {
    Optional<String> owner = text(node, "owner");
    if (owner.isEmpty()) {
      file.missingText(
          node,
          pointer,
          "owner",
          label,
          "name the rep who owns the account by their id in " + DirectoryConfig.RESOURCE);
      return Optional.empty();
    }
    if (!repIds.contains(owner.get())) {
      file.problem(
          pointer + "/owner",
          label,
          "unknown rep '"
              + owner.get()
              + "'; use a rep id of the directory ("
              + String.join(", ", repIds)
              + ") or add the rep to "
              + DirectoryConfig.RESOURCE);
      return Optional.empty();
    }
    return owner;
  }

  private static String shown(JsonNode node) {
    return ConfigFile.shown(node);
  }
}
