package com.leadhandoff.report.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.report.Funnel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The charts decode as PNG images of the size asked for, with something drawn on them. */
class ChartsTest {
  private static final ChartSize SIZE = new ChartSize(480, 260);

  @Test
  void complianceByWeek_isAPngOfTheSizeAskedFor_withBarsDrawn() throws IOException {
    // GIVEN four weeks, one of them without leads
    List<WeekCompliance> weeks =
        List.of(
            new WeekCompliance("2 Nov", Optional.of(0.5)),
            new WeekCompliance("9 Nov", Optional.empty()),
            new WeekCompliance("16 Nov", Optional.of(1.0)),
            new WeekCompliance("23 Nov", Optional.of(0.75)));

    // WHEN it is drawn
    BufferedImage image = decode(Charts.complianceByWeek(weeks, SIZE));

    // THEN it is 480x260 and not blank: the bar colour is on it
    assertEquals(480, image.getWidth());
    assertEquals(260, image.getHeight());
    assertTrue(colours(image) > 3, "more than a blank background");
    assertTrue(hasBarColour(image), "a bar is drawn");
  }

  @Test
  void timeToAccept_isAPngOfTheSizeAskedFor() throws IOException {
    BufferedImage image = decode(Charts.timeToAccept(List.of(60L, 600L, 600L, 7_200L), SIZE));

    assertEquals(480, image.getWidth());
    assertEquals(260, image.getHeight());
    assertTrue(hasBarColour(image));
  }

  @Test
  void funnel_isAPngOfTheSizeAskedFor() throws IOException {
    Funnel funnel =
        new Funnel(
            List.of(
                new Funnel.Stage("MQL", 10, Optional.empty(), Optional.empty()),
                new Funnel.Stage("ACCEPTED", 8, Optional.of(0.8), Optional.empty()),
                new Funnel.Stage("SQL", 4, Optional.of(0.5), Optional.empty()),
                new Funnel.Stage("MEETING", 2, Optional.of(0.5), Optional.empty()),
                new Funnel.Stage("WON", 1, Optional.of(0.5), Optional.empty())));

    BufferedImage image = decode(Charts.funnel(funnel, ChartSize.EMAIL));

    assertEquals(ChartSize.EMAIL.width(), image.getWidth());
    assertEquals(ChartSize.EMAIL.height(), image.getHeight());
    assertTrue(hasBarColour(image));
  }

  @Test
  void emptyData_stillDrawsTheAxes_withoutBars() throws IOException {
    BufferedImage image = decode(Charts.timeToAccept(List.of(), SIZE));

    assertEquals(480, image.getWidth());
    assertTrue(colours(image) > 1, "title and axes drawn");
    assertTrue(!hasBarColour(image), "no bar without data");
  }

  @Test
  void aSizeOutsideTheRange_isRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ChartSize(20, 300));
    assertTrue(e.getMessage().contains("100 to 2000"), e.getMessage());
  }

  private static BufferedImage decode(byte[] png) throws IOException {
    assertEquals((byte) 0x89, png[0]);
    assertEquals('P', png[1]);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertTrue(image != null, "ImageIO decodes it");
    return image;
  }

  private static int colours(BufferedImage image) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        seen.add(image.getRGB(x, y));
      }
    }
    return seen.size();
  }

  private static boolean hasBarColour(BufferedImage image) {
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) == 0x1a5fb4) {
          return true;
        }
      }
    }
    return false;
  }
}
