package com.leadhandoff.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReminderTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private static final Instant DEADLINE = NOW.plusSeconds(900);

  private static List<Reminder> walk(Reminder chain) {
    List<Reminder> due = new ArrayList<>();
    for (Reminder r = chain; r.due(); r = r.next()) {
      due.add(r);
    }
    return due;
  }

  @Test
  void twoReminders_splitTheWait_andTheWaitsAddUpToTheDeadline() {
    Reminder.Schedule schedule =
        Reminder.split(NOW, DEADLINE, List.of(NOW.plusSeconds(450), NOW.plusSeconds(720)));

    assertEquals(450, schedule.firstWaitSeconds());
    List<Reminder> due = walk(schedule.chain());
    assertEquals(List.of(1, 2), due.stream().map(Reminder::number).toList());
    assertEquals(List.of(270, 180), due.stream().map(Reminder::waitSeconds).toList());
    assertEquals(NOW.plusSeconds(720), due.get(1).at());
    assertFalse(due.get(1).next().due(), "the chain ends in a link that is not due");
  }

  @Test
  void fractionsOfASecond_roundUp_soNoWaitEndsBeforeTheDeadline() {
    Instant now = NOW.plusMillis(300);

    Reminder.Schedule schedule = Reminder.split(now, DEADLINE, List.of(NOW.plusMillis(450_500)));

    // 899.7 s to the deadline rounds up to 900; 450.2 s to the reminder to 451.
    assertEquals(451, schedule.firstWaitSeconds());
    assertEquals(449, schedule.chain().waitSeconds());
  }

  @Test
  void noReminders_waitsForTheDeadline_withAChainThatIsNotDue() {
    Reminder.Schedule schedule = Reminder.split(NOW, DEADLINE, List.of());

    assertEquals(900, schedule.firstWaitSeconds());
    assertFalse(schedule.chain().due());
    assertNull(schedule.chain().number());
  }

  @Test
  void remindersInTheSameSecondOrAtTheDeadline_areLeftOut() {
    Reminder.Schedule schedule =
        Reminder.split(
            NOW, DEADLINE, List.of(NOW.plusMillis(449_600), NOW.plusSeconds(450), DEADLINE));

    assertEquals(List.of(1), walk(schedule.chain()).stream().map(Reminder::number).toList());
    assertEquals(450, schedule.chain().waitSeconds());
  }
}
