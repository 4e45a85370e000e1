package com.leadhandoff.ownership;

import com.leadhandoff.config.ReadOnce;
import com.leadhandoff.routing.DirectoryConfig;
import com.leadhandoff.routing.Rep;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The named accounts of {@code config/accounts.yaml} and the free-mail domains that are never a
 * company's. Loading checks the whole file, including that every owner is a rep of the directory,
 * and fails with {@link InvalidAccountsException} naming the file, line, account and fix of every
 * problem.
 *
 * @param accounts in file order
 * @param freeMailDomains lower case
 */
public record Accounts(List<Account> accounts, Set<String> freeMailDomains) {
  /** Where the file sits in the repository and, by the same name, inside the function jar. */
  public static final String BUNDLED = "config/accounts.yaml";

  /** No accounts and no free-mail domains: for a jar that ships without the file. */
  public static final Accounts NONE = new Accounts(List.of(), Set.of());

  private static final ReadOnce<Accounts> READ_BUNDLED =
      new ReadOnce<>() {
        @Override
        protected Accounts read() {
          return bundled(DirectoryConfig.bundled());
        }
      };

  public Accounts {
    accounts = List.copyOf(accounts);
    freeMailDomains = Set.copyOf(freeMailDomains);
  }

  /**
   * The account a domain belongs to: one of its domains, or a subdomain of one (the most specific
   * account domain wins).
   */
  public Optional<AccountMatch> match(String emailDomain) {
    Map<String, Account> byDomain = new HashMap<>();
    accounts.forEach(a -> a.domains().forEach(d -> byDomain.put(d, a)));
    for (String domain : selfAndParents(emailDomain)) {
      Account account = byDomain.get(domain);
      if (account != null) {
        return Optional.of(new AccountMatch(account, domain));
      }
    }
    return Optional.empty();
  }

  /** Whether the domain is a free-mail provider's (or under one), which no company owns. */
  public boolean isFreeMail(String emailDomain) {
    return selfAndParents(emailDomain).stream().anyMatch(freeMailDomains::contains);
  }

  /** The domain and each parent with at least two labels: {@code eu.acme.com}, {@code acme.com}. */
  static List<String> selfAndParents(String domain) {
    String d = domain.toLowerCase(Locale.ROOT);
    List<String> all = new java.util.ArrayList<>();
    while (d.indexOf('.') > 0) {
      all.add(d);
      d = d.substring(d.indexOf('.') + 1);
    }
    return all;
  }

  /** The file shipped with the functions, checked against the directory shipped with them. */
  public static Accounts bundled() {
    return READ_BUNDLED.get();
  }

  /**
   * The file shipped with the functions checked against another directory, for a dry run; {@link
   * #NONE} when the jar has no accounts file.
   */
  public static Accounts bundled(DirectoryConfig directory) {
    try (InputStream in = Accounts.class.getClassLoader().getResourceAsStream(BUNDLED)) {
      return in == null
          ? NONE
          : parse(BUNDLED, new String(in.readAllBytes(), StandardCharsets.UTF_8), directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + BUNDLED, e);
    }
  }

  /** The accounts in {@code file}, checked against {@code directory}: for tests and dry runs. */
  public static Accounts load(Path file, DirectoryConfig directory) {
    try {
      return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read accounts file " + file, e);
    }
  }

  /**
   * The accounts written in {@code yaml}.
   *
   * @param file how to name the file in error messages
   * @param directory the reps an account may belong to
   */
  public static Accounts parse(String file, String yaml, DirectoryConfig directory) {
    Set<String> repIds =
        directory.reps().stream().map(Rep::repId).collect(Collectors.toUnmodifiableSet());
    return AccountsReader.read(file, yaml, repIds);
  }
}
