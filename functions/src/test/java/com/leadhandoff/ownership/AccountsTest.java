package com.leadhandoff.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.config.ConfigProblem;
import com.leadhandoff.routing.DirectoryConfig;
import com.leadhandoff.routing.Rep;
import com.leadhandoff.routing.Team;
import com.leadhandoff.testing.TestDynamo;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading {@code config/accounts.yaml}, and which account a lead's domain belongs to. */
class AccountsTest {
  private static final DirectoryConfig DIRECTORY =
      new DirectoryConfig(
          List.of(new Team("inbound-sales", "Inbound Sales", "Morgan Lee", "m@s.example", true)),
          List.of(
              new Rep("ana-ruiz", "Ana Ruiz", "ana@s.example", "inbound-sales", true),
              new Rep("ben-okafor", "Ben Okafor", "ben@s.example", "inbound-sales", true)));

  // Lines 1-3: free mail; line 4: accounts; 5-7: Acme; 8-10: Globex.
  private static final String FILE =
      """
      freeMailDomains:
        - gmail.com
        - Outlook.com
      accounts:
        - name: Acme
          domains: [acme.com, ACME.de]
          owner: ana-ruiz
        - name: Globex
          domains: [globex.example]
          owner: ben-okafor
      """;

  private static Accounts parse(String yaml) {
    return Accounts.parse("accounts.yaml", yaml, DIRECTORY);
  }

  private static List<ConfigProblem> problems(String yaml) {
    return assertThrows(InvalidAccountsException.class, () -> parse(yaml)).problems();
  }

  @Test
  void repositoryFile_loadsAgainstTheRepositoryDirectory_andIsTheOneInTheJar() {
    Accounts accounts =
        Accounts.load(
            TestDynamo.projectRoot().resolve(Accounts.BUNDLED), DirectoryConfig.bundled());

    assertEquals(accounts, Accounts.bundled());
    assertTrue(accounts.isFreeMail("gmail.com"));
    // The demo form's domain is a named account, so the README's demo shows ownership routing.
    assertEquals(
        "ben-okafor",
        accounts.match("analytical-engines.example").orElseThrow().account().ownerRepId());
    // The demo directory's paused rep owns one, so it shows an owner passed over with the reason.
    assertTrue(
        accounts.accounts().stream().anyMatch(a -> a.ownerRepId().equals("farah-haddad")),
        "an account of a paused rep");
  }

  @Test
  void wellFormedFile_readsAccountsInOrder_domainsInLowerCase() {
    Accounts accounts = parse(FILE);

    assertEquals(
        List.of(
            new Account("Acme", List.of("acme.com", "acme.de"), "ana-ruiz"),
            new Account("Globex", List.of("globex.example"), "ben-okafor")),
        accounts.accounts());
    assertEquals(Set.of("gmail.com", "outlook.com"), accounts.freeMailDomains());
  }

  static Stream<Arguments> domains() {
    return Stream.of(
        Arguments.of("acme.com", "Acme", "acme.com"),
        Arguments.of("ACME.com", "Acme", "acme.com"),
        Arguments.of("acme.de", "Acme", "acme.de"),
        Arguments.of("eu.sales.acme.com", "Acme", "acme.com"),
        Arguments.of("globex.example", "Globex", "globex.example"),
        Arguments.of("notacme.com", null, null),
        Arguments.of("acme.com.evil.example", null, null),
        Arguments.of("gmail.com", null, null),
        Arguments.of("com", null, null));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("domains")
  void emailDomain_matchesItsAccount_orASubdomainsAccount(
      String domain, String account, String matched) {
    Optional<AccountMatch> match = parse(FILE).match(domain);

    assertEquals(Optional.ofNullable(account), match.map(m -> m.account().name()));
    assertEquals(Optional.ofNullable(matched), match.map(AccountMatch::domain));
  }

  @Test
  void accountMatch_saysWhyInTheHistorysWords() {
    assertEquals(
        "owner of account Acme (acme.com)", parse(FILE).match("eu.acme.com").orElseThrow().why());
  }

  @ParameterizedTest
  @MethodSource("freeMail")
  void freeMail_isNoCompanysDomain(String domain, boolean free) {
    assertEquals(free, parse(FILE).isFreeMail(domain));
  }

  static Stream<Arguments> freeMail() {
    return Stream.of(
        Arguments.of("gmail.com", true),
        Arguments.of("GMail.com", true),
        Arguments.of("outlook.com", true),
        Arguments.of("eu.outlook.com", true),
        Arguments.of("acme.com", false),
        Arguments.of("notgmail.com", false));
  }

  @Test
  void emptyAccountsList_isAllowed_andMatchesNothing() {
    Accounts accounts = parse("accounts: []\n");

    assertEquals(List.of(), accounts.accounts());
    assertFalse(accounts.isFreeMail("gmail.com"));
    assertTrue(accounts.match("acme.com").isEmpty());
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of(
            "unknown owner",
            "accounts:\n  - name: Acme\n    domains: [acme.com]\n    owner: zoe\n",
            4,
            "'Acme'",
            List.of("unknown rep 'zoe'", "ana-ruiz, ben-okafor", "config/directory.yaml")),
        Arguments.of(
            "missing owner",
            "accounts:\n  - name: Acme\n    domains: [acme.com]\n",
            2,
            "'Acme'",
            List.of("'owner' is missing", "rep who owns the account")),
        Arguments.of(
            "an address for a domain",
            "accounts:\n  - name: Acme\n    domains: [sales@acme.com]\n    owner: ana-ruiz\n",
            3,
            "'Acme'",
            List.of("is an email address", "(acme.com)")),
        Arguments.of(
            "a web address",
            "accounts:\n  - name: Acme\n    domains: [www.acme.com]\n    owner: ana-ruiz\n",
            3,
            "'Acme'",
            List.of("looks like a web address")),
        Arguments.of(
            "not a domain",
            "accounts:\n  - name: Acme\n    domains: [acme]\n    owner: ana-ruiz\n",
            3,
            "'Acme'",
            List.of("'acme' is not a domain name")),
        Arguments.of(
            "no domains",
            "accounts:\n  - name: Acme\n    domains: []\n    owner: ana-ruiz\n",
            3,
            "'Acme'",
            List.of("'domains' is missing")),
        Arguments.of(
            "a free-mail domain",
            "freeMailDomains: [gmail.com]\naccounts:\n  - name: Acme\n"
                + "    domains: [acme.com, gmail.com]\n    owner: ana-ruiz\n",
            4,
            "'Acme'",
            List.of("'gmail.com' is a free-mail domain")),
        Arguments.of(
            "a domain of two accounts",
            "accounts:\n  - name: Acme\n    domains: [acme.com]\n    owner: ana-ruiz\n"
                + "  - name: Acme Europe\n    domains: [ACME.com]\n    owner: ben-okafor\n",
            6,
            "'Acme Europe'",
            List.of("already belongs to account Acme (line 3)", "only one owner")),
        Arguments.of(
            "a name used twice",
            "accounts:\n  - name: Acme\n    domains: [acme.com]\n    owner: ana-ruiz\n"
                + "  - name: acme\n    domains: [acme.de]\n    owner: ana-ruiz\n",
            5,
            "'acme'",
            List.of("duplicate account name", "line 2")),
        Arguments.of(
            "a field accounts do not have",
            "accounts:\n  - name: Acme\n    domains: [acme.com]\n    owner: ana-ruiz\n"
                + "    region: EU\n",
            5,
            "'Acme'",
            List.of("unknown field 'region'", "use name, domains, owner")),
        Arguments.of(
            "an account without a name",
            "accounts:\n  - domains: [acme.com]\n    owner: ana-ruiz\n",
            2,
            "#1",
            List.of("'name' is missing")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void mistake_isReportedWithLineAccountAndFix(
      String what, String yaml, int line, String account, List<String> parts) {
    List<ConfigProblem> problems = problems(yaml);

    assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
    ConfigProblem problem = problems.get(0);
    assertEquals("accounts.yaml", problem.file());
    assertEquals(Optional.of(line), problem.line(), problem::toString);
    assertEquals(Optional.of("account " + account), problem.entry(), problem::toString);
    for (String part : parts) {
      assertTrue(problem.reason().contains(part), () -> "'" + part + "' not in: " + problem);
    }
  }

  @Test
  void everyProblem_isReportedAtOnce_inLineOrder() {
    List<ConfigProblem> problems =
        problems(
            """
            accounts:
              - name: Acme
                domains: [acme]
                owner: zoe
              - name: Globex
                domains: [globex.example]
                owner: nobody
            colour: blue
            """);

    assertEquals(List.of(3, 4, 7, 8), problems.stream().map(p -> p.line().orElse(0)).toList());
    String message =
        assertThrows(InvalidAccountsException.class, () -> parse("accounts: 3\n")).getMessage();
    assertTrue(message.startsWith("Accounts file accounts.yaml is invalid (1 problem)"), message);
  }

  @Test
  void emptyFile_orNotYaml_saysWhatItNeeds() {
    assertTrue(problems("").get(0).reason().contains("`accounts:`"));
    assertTrue(problems("accounts: [\n").get(0).reason().startsWith("not valid YAML"));
  }
}
