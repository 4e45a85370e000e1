package com.leadhandoff.local.ses;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the links in an email so the outbox can make them clickable: {@code href} values of the
 * HTML part and bare web addresses in either part. Only {@code http}, {@code https} and {@code
 * mailto} links are kept; anything else (say {@code javascript:}) is not a link a person should
 * follow from the outbox.
 */
public final class Links {
  private static final Pattern HREF =
      Pattern.compile(
          "\\bhref\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+))", Pattern.CASE_INSENSITIVE);
  private static final Pattern BARE_URL = Pattern.compile("https?://[^\\s<>\"'`]+");
  private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);");
  // Sentence punctuation that follows an address in prose is not part of it.
  private static final String TRAILING = ".,;:!?)]}";

  private Links() {}

  /** The links in the two parts of one email, each once, in order of first appearance. */
  public static List<String> in(String text, String html) {
    Set<String> links = new LinkedHashSet<>();
    if (html != null) {
      Matcher href = HREF.matcher(html);
      // Every match starts at an "href": the regex is only tried from each one on, instead of
      // at every character of the email (most of the local SES endpoint's time, per profile).
      for (int from = nextHref(html, 0); from >= 0 && href.find(from); ) {
        String value =
            href.group(1) != null
                ? href.group(1)
                : href.group(2) != null ? href.group(2) : href.group(3);
        addIfFollowable(links, unescape(value.strip()));
        from = nextHref(html, href.end());
      }
      bareUrls(links, unescape(withoutTags(html)));
    }
    if (text != null) {
      bareUrls(links, text);
    }
    return new ArrayList<>(links);
  }

  /**
   * Where {@code href}, in any ASCII case, next occurs in {@code html} from {@code from}; or -1.
   */
  private static int nextHref(String html, int from) {
    // From one h or H to the next (indexOf, not a character at a time): where each is next.
    int lower = html.indexOf('h', from);
    int upper = html.indexOf('H', from);
    while (true) {
      int at = lower < 0 ? upper : upper < 0 ? lower : Math.min(lower, upper);
      if (at < 0 || at + 4 > html.length()) {
        return -1;
      }
      if (html.regionMatches(true, at, "href", 0, 4)) {
        return at;
      }
      if (at == lower) {
        lower = html.indexOf('h', at + 1);
      } else {
        upper = html.indexOf('H', at + 1);
      }
    }
  }

  /**
   * {@code html} with each tag ({@code <} to the next {@code >}) replaced by a space, as {@code
   * <[^>]*>} would replace it; a {@code <} with no {@code >} after it stays.
   */
  static String withoutTags(String html) {
    int open = html.indexOf('<');
    if (open < 0) {
      return html;
    }
    StringBuilder out = new StringBuilder(html.length());
    int from = 0;
    while (open >= 0) {
      int close = html.indexOf('>', open + 1);
      if (close < 0) {
        break;
      }
      out.append(html, from, open).append(' ');
      from = close + 1;
      open = html.indexOf('<', from);
    }
    return out.append(html, from, html.length()).toString();
  }

  /**
   * Each address in {@code text}, as {@code BARE_URL.find()} finds them; but the regex is only
   * tried where an {@code http} starts, not at every character of the email.
   */
  static void bareUrls(Set<String> links, String text) {
    Matcher url = BARE_URL.matcher(text);
    for (int at = text.indexOf("http"); at >= 0; ) {
      url.region(at, text.length());
      if (!url.lookingAt()) {
        at = text.indexOf("http", at + 1);
        continue;
      }
      at = text.indexOf("http", url.end());
      String found = url.group();
      while (!found.isEmpty() && TRAILING.indexOf(found.charAt(found.length() - 1)) >= 0) {
        found = found.substring(0, found.length() - 1);
      }
      addIfFollowable(links, found);
    }
  }

  private static void addIfFollowable(Set<String> links, String link) {
    String lower = link.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://")
        || lower.startsWith("https://")
        || lower.startsWith("mailto:")) {
      links.add(link);
    }
  }

  /** Decodes the character references an attribute or text may carry ({@code &amp;} in a query). */
  static String unescape(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    Matcher m = ENTITY.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1)).orElse(m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Optional<String> decode(String entity) {
    try {
      if (entity.startsWith("#x") || entity.startsWith("#X")) {
        return Optional.of(Character.toString(Integer.parseInt(entity.substring(2), 16)));
      }
      if (entity.startsWith("#")) {
        return Optional.of(Character.toString(Integer.parseInt(entity.substring(1))));
      }
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        switch (entity) {
          case "amp" -> "&";
          case "lt" -> "<";
          case "gt" -> ">";
          case "quot" -> "\"";
          case "apos" -> "'";
          case "nbsp" -> "\u00a0";
          default -> null;
        });
  }
}
