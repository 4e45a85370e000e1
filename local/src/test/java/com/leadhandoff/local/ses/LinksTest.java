package com.leadhandoff.local.ses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
}
