package com.leadhandoff.local.ses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LinksTest {

  @Test
  void hrefs_inAnyQuotingAndWithEntities_areDecoded() {
    String html =
        "<a href=\"https://a.example/x?p=1&amp;q=2\">a</a> <a href='https://b.example/'>b</a>"
            + " <a HREF=https://c.example/c>c</a> <a href=\"https://d.example/&#x41;&#66;\">d</a>";

    assertEquals(
        List.of(
            "https://a.example/x?p=1&q=2",
            "https://b.example/",
            "https://c.example/c",
            "https://d.example/AB"),
        Links.in("", html));
  }

  @Test
  void bareUrls_loseSentencePunctuation_andRepeatsAppearOnce() {
    String text = "Accept (https://x.example/offers/t1). Again: https://x.example/offers/t1, done";

    assertEquals(List.of("https://x.example/offers/t1"), Links.in(text, ""));
  }

  @Test
  void unfollowableSchemesAndFragments_areLeftOut() {
    String html =
        "<a href=\"javascript:alert(1)\">x</a><a href=\"#top\">t</a><a href=\"data:text/html,hi\">d</a>";

    assertEquals(List.of(), Links.in("", html));
  }

  @Test
  void urlsInHtmlText_areFoundOutsideTags() {
    assertEquals(
        List.of("https://x.example/a?b=1&c=2"),
        Links.in(null, "<p>Open https://x.example/a?b=1&amp;c=2</p>"));
  }

  @Test
  void hrefsInAnyCase_amongWordsThatOnlyStartLikeOne_areAllFound() {
    String html =
        "<p>hrefs and HREF without a value</p><b data-xhref=\"https://no.example\">b</b>"
            + "<a HREF=\"https://x.example/1\">one</a><a hReF = 'https://x.example/2'>two</a>"
            + "<a\nhref=https://x.example/3>three</a>";

    assertEquals(
        List.of("https://x.example/1", "https://x.example/2", "https://x.example/3"),
        Links.in(null, html));
  }

  @Test
  void tagsAndBareUrls_areFoundAsByTheirRegexes_inAnyMixOfMarkup() {
    // The regexes the finder once ran over the whole email, as the reference.
    Pattern tag = Pattern.compile("<[^>]*>");
    Pattern bareUrl = Pattern.compile("https?://[^\\s<>\"'`]+");
    List<String> pieces =
        List.of(
            "<",
            ">",
            "<p>",
            "</a>",
            "http",
            "https://",
            "http://x.example/a?b=1",
            "htt",
            "ps://",
            " ",
            "\n",
            "&amp;",
            ".",
            ")",
            "'",
            "\"",
            "`",
            "a",
            "hhttp://y.example");
    Random random = new Random(20261204);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        text.append(pieces.get(random.nextInt(pieces.size())));
      }
      String s = text.toString();
      assertEquals(tag.matcher(s).replaceAll(" "), Links.withoutTags(s), s);

      Set<String> expected = new LinkedHashSet<>();
      Matcher url = bareUrl.matcher(s);
      while (url.find()) {
        expected.add(url.group());
      }
      Set<String> found = new LinkedHashSet<>();
      Links.bareUrls(found, s);
      assertEquals(List.copyOf(trimmed(expected)), List.copyOf(found), s);
    }
  }

  @Test
  void hrefs_areFoundAsByTheHrefRegexAlone_inAnyMixOfMarkup() {
    // The href regex tried at every character, as the finder once did, as the reference.
    Pattern href =
        Pattern.compile(
            "\\bhref\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+))", Pattern.CASE_INSENSITIVE);
    List<String> pieces =
        List.of(
            "<a ",
            "href=",
            "HREF = ",
            "hReF='",
            "h",
            "H",
            "xhref=\"",
            "\"",
            "'",
            ">",
            "https://x.example/",
            "http://Y.example/h",
            " ",
            "hre",
            "f=");
    Random random = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder html = new StringBuilder();
      for (int i = random.nextInt(10); i > 0; i--) {
        html.append(pieces.get(random.nextInt(pieces.size())));
      }
      String s = html.toString();
      Set<String> expected = new LinkedHashSet<>();
      Matcher m = href.matcher(s);
      while (m.find()) {
        String value =
            m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        String link = value.strip();
        if (link.startsWith("http://") || link.startsWith("https://")) {
          expected.add(link);
        }
      }
      Set<String> found = new LinkedHashSet<>(Links.in(null, s));
      assertTrue(found.containsAll(expected), s + ": " + found + " lacks some of " + expected);
    }
  }

  /** What the finder keeps of each regex match: no sentence punctuation at its end, followable. */
  private static Set<String> trimmed(Set<String> matches) {
    Set<String> kept = new LinkedHashSet<>();
    for (String m : matches) {
      String t = m.replaceAll("[.,;:!?)\\]}]+$", "");
      if (t.startsWith("http://") || t.startsWith("https://")) {
        kept.add(t);
      }
    }
    return kept;
  }
}
